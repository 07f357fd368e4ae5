/**
 * Profile clients: the Page's Messenger profile, and a person's first name when Meta allows.
 */
import type { AxiosInstance } from 'axios';
import { GraphError } from './graph-error';

/** What we may learn about a person; every field may be missing. */
export interface UserProfile {
  firstName?: string;
}

/**
 * Reads and writes profiles.
 *
 * @remarks
 * {@link ProfileApi.userProfile} never rejects on a Graph failure (permission refused,
 * person unavailable, network): the bot must never depend on it.
 */
export class ProfileApi {
  constructor(private readonly http: AxiosInstance) {}

  /** Sets the Page's Messenger profile (`get_started`, `greeting`, `persistent_menu`…). */
  async setMessengerProfile(body: Record<string, unknown>): Promise<void> {
    await this.http.post('/me/messenger_profile', body);
  }

  /**
   * Subscribes our app to the Page's webhook `fields` (`POST /{page-id}/subscribed_apps`):
   * without it Meta sends nothing of that field, whatever the app's dashboard says.
   */
  async subscribePage(pageId: string, fields: readonly string[]): Promise<void> {
    await this.http.post(`/${encodeURIComponent(pageId)}/subscribed_apps`, null, {
      params: { subscribed_fields: fields.join(',') },
    });
  }

  /** The person's first name, or `{}` when Meta refuses or fails. */
  async userProfile(psid: string): Promise<UserProfile> {
    try {
      const response = await this.http.get<unknown>(`/${encodeURIComponent(psid)}`, {
        params: { fields: 'first_name' },
      });
      const firstName = (response.data as { first_name?: unknown } | null)?.first_name;
      return typeof firstName === 'string' && firstName.trim() !== '' ? { firstName: firstName.trim() } : {};
    } catch (error) {
      if (error instanceof GraphError) return {};
      throw error;
    }
  }
}
