package casemail.bus;

/**
 * Every event-bus address Casemail uses, named {@code <owner>.<entity>.<verb>}. Payloads and
 * replies are JSON objects; failures are {@link BusFailure}s (codes noted per address).
 * Requests that carry {@code administration_id} are answered only with that administration's
 * rows.
 */
public final class Addresses {

  /** {@code {name}} → the administration, created with defaults if new. */
  public static final String ADMINISTRATION_ENSURE = "persistence.administration.ensure";

  /** {@code {administration_id}} → the administration's settings; 404. */
  public static final String ADMINISTRATION_GET = "persistence.administration.get";

  /**
   * {@code {administration_id, name, sender_address, sender_name, default_signature,
   * default_language, time_zone, portal_colour, reply_notifications, tracking_mode,
   * payment_url_template}} (checked) → the administration; 422 name taken.
   */
  public static final String ADMINISTRATION_UPDATE = "persistence.administration.update";

  /**
   * {@code {administration_id, logo (bytes), logo_type}} (checked: a PNG, JPEG or GIF) → the
   * administration, with a new {@code logo_version}; 404.
   */
  public static final String ADMINISTRATION_LOGO_SET = "persistence.administration.logo.set";

  /** {@code {administration_id}} → the administration, without a logo; 404. */
  public static final String ADMINISTRATION_LOGO_REMOVE =
      "persistence.administration.logo.remove";

  /** {@code {administration_id}} → {@code {logo (bytes), logo_type}}; 404 without a logo. */
  public static final String ADMINISTRATION_LOGO_GET = "persistence.administration.logo.get";

  /**
   * {@code {administration, email, name, password_hash, role}} → the user; 404 unknown
   * administration, 409 email taken.
   */
  public static final String USER_CREATE = "persistence.user.create";

  /** {@code {email, password_hash}} → the user; 404. Replaces the password. */
  public static final String USER_SET_PASSWORD = "persistence.user.password";

  /** {@code {email}} → the user with its password hash, for login; 404. */
  public static final String USER_FIND = "persistence.user.find";

  /** {@code {administration_id, id}} → the user, without password hash; 404. */
  public static final String USER_GET = "persistence.user.get";

  /** {@code {administration_id, id, name, signature, language}} → the user; 404. */
  public static final String USER_UPDATE_PROFILE = "persistence.user.profile";

  /** {@code {administration, key_hash}} → {@code {id}}; 404 unknown administration. */
  public static final String API_KEY_CREATE = "persistence.apikey.create";

  /** {@code {key_hash}} → {@code {administration_id, time_zone}}; 404. */
  public static final String API_KEY_FIND = "persistence.apikey.find";

  /**
   * {@code {administration, customers, invoices, matters}} (rows parsed and checked by the
   * importer) → counts of rows inserted and updated; 422 with the rows' problems.
   */
  public static final String IMPORT_APPLY = "persistence.import.apply";

  /**
   * {@code {administration_id, type, filter, order: {sort, order}, limit, cursor, with_total?}}
   * (see {@code CaseFilter}, {@code CaseOrder}) → {@code {items, next, total?}}: a keyset page
   * of cases, each with its {@code customer_name}; 400 bad filter, sort or cursor.
   */
  public static final String CASE_LIST = "persistence.case.list";

  /**
   * {@code {administration_id, case_type, filter, selection: {all, ids}}} (see {@code
   * Selection}) → {@code {total, customers, emailed, portal_only}}: how many cases the selection
   * holds, of how many customers, and how many of them can be emailed (an address that is not
   * bouncing); 400 bad filter.
   */
  public static final String SELECTION_SUMMARY = "persistence.selection.summary";

  /**
   * As {@link #SELECTION_SUMMARY}, with {@code limit} → {@code {items: [{type, case,
   * customer}]}}: the selected cases by number or reference, each as {@link #CASE_GET} gives it
   * (the customer with {@code emailable}), at most {@code limit}.
   */
  public static final String SELECTION_CASES = "persistence.selection.cases";

  /** {@code {administration_id, type, id}} → the case with its customer; 404. */
  public static final String CASE_GET = "persistence.case.get";

  /** {@code {administration_id, type, id}} → {@code {items}}, newest first; 404. */
  public static final String TIMELINE_GET = "persistence.timeline.get";

  /**
   * {@code {administration_id, author_id, case: {type, id}, id?, to, cc, bcc, subject, body,
   * attachment_ids?, attachments?}} → the stored message with its delivery and attachments.
   * {@code id}: the message's id when the caller made one (a portal link in the text needs
   * it); {@code attachment_ids}: pending attachments to attach, in order; {@code attachments}:
   * new ones, {@code [{filename, content_type, size, sha256}]}, whose bytes are stored. 404
   * unknown case or author, 413 attachments together too large, 422 bad input or an
   * attachment no longer pending.
   */
  public static final String MESSAGE_CREATE = "persistence.message.create";

  /**
   * {@code {administration_id, items: [{filename, content_type, size, sha256}]}} → {@code
   * {items: [{id, filename, content_type, size}]}}: pending attachments (no message yet), kept
   * for a composer form that comes back.
   */
  public static final String ATTACHMENT_STORE = "persistence.attachment.store";

  /**
   * {@code {administration_id, ids}} → {@code {items}}: those of the ids that are still pending
   * attachments of the administration, in the order asked.
   */
  public static final String ATTACHMENT_PENDING = "persistence.attachment.pending";

  /** {@code {administration_id, id}} → the attachment with its sha256; 404. */
  public static final String ATTACHMENT_GET = "persistence.attachment.get";

  /**
   * {@code {administration_id, case_type?, limit?, cursor?}} → {@code {items, next}}: standard
   * messages by id; with {@code case_type}, those fitting it (its own and any-case ones).
   */
  public static final String STANDARD_MESSAGE_LIST = "persistence.standardmessage.list";

  /** {@code {administration_id, id}} → the standard message; 404. */
  public static final String STANDARD_MESSAGE_GET = "persistence.standardmessage.get";

  /**
   * {@code {administration_id, description, case_type, subject, cc, bcc, body}} (checked) →
   * the standard message; 422 description taken.
   */
  public static final String STANDARD_MESSAGE_CREATE = "persistence.standardmessage.create";

  /** {@code {administration_id, id, …}} as for create → the standard message; 404, 422. */
  public static final String STANDARD_MESSAGE_UPDATE = "persistence.standardmessage.update";

  /** {@code {administration_id, id}} → {@code {deleted: true}}; 404. */
  public static final String STANDARD_MESSAGE_DELETE = "persistence.standardmessage.delete";

  /** {@code {administration_id, id}} → the message with its deliveries; 404. */
  public static final String MESSAGE_GET = "persistence.message.get";

  /**
   * {@code {administration_id, filter, q, cursor, limit}} (see {@code InboxQuery}) →
   * {@code {items, next}}: messages newest first, a keyset page; 400 bad filter or cursor.
   */
  public static final String INBOX_LIST = "persistence.inbox.list";

  /** {@code {administration_id}} → {@code {unread}}: how many replies nobody opened yet. */
  public static final String INBOX_UNREAD = "persistence.inbox.unread";

  /** {@code {administration_id, id}} → the message; a reply is marked read; 404. */
  public static final String MESSAGE_READ = "persistence.message.read";

  /**
   * {@code {limit, lease_seconds}} → {@code {items}}: due deliveries now leased to the caller,
   * each with what its email needs: addresses, {@code attempts} (this attempt's number),
   * {@code lease_until}, {@code recipients} as last recorded (or null), the customer's
   * {@code bouncing} addresses, {@code rendered_at} and the facts it is rendered with
   * (attachments included).
   */
  public static final String DELIVERY_CLAIM = "persistence.delivery.claim";

  /**
   * {@code {outcomes: [{id, batch_id, attempt, status, error, sent_at, next_attempt_at,
   * recipients, released, bounces: [{address, reason}]}]}} → {@code {updated, bounced}}. An
   * outcome counts only while its delivery is still leased under that attempt.
   */
  public static final String DELIVERY_RECORD = "persistence.delivery.record";

  /** {@code {}} → {@code {queued, sending}}: the outbox's depth over all instances. */
  public static final String DELIVERY_QUEUE_DEPTH = "persistence.delivery.depth";

  /**
   * {@code {administration_id, id}} → the delivery as {@link #DELIVERY_CLAIM} gives it, plus
   * {@code rendered} (false: never attempted, shown as it would be built now); 404.
   */
  public static final String DELIVERY_EMAIL = "persistence.delivery.email";

  /**
   * {@code {administration_id, message_id, to?}} (addresses checked) → the new delivery,
   * queued; 404 unknown message, 409 a customer's reply, 422 no address.
   */
  public static final String DELIVERY_RESEND = "persistence.delivery.resend";

  /**
   * {@code {administration_id, author_id, case_type, idempotency_key?, subject, cc, bcc,
   * attachment_ids?, attachments?, messages: {ids, case_ids, subjects, bodies}}} (messages
   * written, placeholders filled; columns of equal length) → {@code {id, total, emailed,
   * portal_only, created}}: the batch with one message and one delivery per case, stored in one
   * transaction. A key used before stores nothing and answers that batch ({@code created}
   * false, no counts). 409 a case is gone, 413 attachments too large, 422 unknown author or no
   * case. Publishes {@link #DELIVERY_QUEUED}.
   */
  public static final String BATCH_CREATE = "persistence.batch.create";

  /** {@code {administration_id, idempotency_key}} → {@code {id, total}}; 404 none yet. */
  public static final String BATCH_FIND = "persistence.batch.find";

  /**
   * {@code {}} → {@code {items: [{id, sent, failed, portal_only}]}}: the batches with nothing
   * left to mail, now marked finished — each batch once, over all instances.
   */
  public static final String BATCH_FINISH = "persistence.batch.finish";

  /**
   * {@code {administration_id, id}} → {@code {id, case_type, subject, author_name,
   * created_at, total, stored, sent, failed, portal_only, remaining, finished, done, rate}} from
   * the state of each of the batch's deliveries ({@code remaining}: queued or being sent;
   * {@code finished}: the others; {@code rate}: emails per second), and {@code
   * anonymous_opens}: {@code {person_opens, automated_opens}} counted for the batch, or null;
   * 404.
   */
  public static final String BATCH_PROGRESS = "persistence.batch.progress";

  /** {@code {administration_id, customer_id}} → {@code {items: [{address, reason, since}]}}. */
  public static final String BOUNCE_LIST = "persistence.bounce.list";

  /** {@code {administration_id, customer_id, address}} → {@code {cleared}}. */
  public static final String BOUNCE_CLEAR = "persistence.bounce.clear";

  /** Event, published: deliveries were queued and the mailer may look for work. */
  public static final String DELIVERY_QUEUED = "persistence.delivery.queued";

  /**
   * {@code {tokens, at, client_classes}} (columns; {@code at} in epoch milliseconds) →
   * {@code {stored, counted}}: opens stored per delivery, and opens counted per batch only
   * (tracking mode 'anonymous'); unknown tokens and tracking 'off' are skipped.
   */
  public static final String OPEN_STORE = "persistence.open.store";

  /** {@code {customer_id}} → the portal's view of a customer: invoices and messages. */
  public static final String PORTAL_OVERVIEW = "persistence.portal.overview";

  /**
   * {@code {customer_id, message_id}} → the message as the portal shows it, recording a
   * portal view; 404 if the message is not the customer's.
   */
  public static final String PORTAL_MESSAGE = "persistence.portal.message";

  /**
   * {@code {customer_id, id}} → the attachment with its sha256, only if it belongs to a message
   * of that customer; 404 otherwise, exactly as for an unknown id.
   */
  public static final String PORTAL_ATTACHMENT = "persistence.portal.attachment";

  /** {@code {message_id}} → {@code {customer_id, administration_id}}; 404. */
  public static final String PORTAL_LINK_RESOLVE = "persistence.portal.resolve";

  /**
   * {@code {customer_id, message_id, body, attachments?: [{filename, content_type, size,
   * sha256}]}} (checked; files already in the store) → {@code {id, in_reply_to, notify}}: the
   * customer's reply with its files, stored unread on the message's case; 404 if the message is
   * not one the customer received, 413 if the files are larger than a message may carry.
   * Publishes {@link #NOTIFICATION_QUEUED} when a notification was stored.
   */
  public static final String PORTAL_REPLY = "persistence.portal.reply";

  /** {@code {customer_id}} → the customer with its active mandate ({@code mandate}, or null). */
  public static final String PORTAL_DIRECT_DEBIT = "persistence.portal.directdebit";

  /**
   * {@code {customer_id, account_holder, iban}} (checked) → the mandate; 409 if the customer
   * already has an active one.
   */
  public static final String MANDATE_AUTHORISE = "persistence.mandate.authorise";

  /** {@code {customer_id}} → the mandate, now revoked; 404 if none was active. */
  public static final String MANDATE_REVOKE = "persistence.mandate.revoke";

  /** {@code {administration_id, customer_id}} → {@code {items}}: its mandates, newest first. */
  public static final String MANDATE_LIST = "persistence.mandate.list";

  /**
   * {@code {limit, lease_seconds}} → {@code {items}}: reply notifications now leased to the
   * caller, each with what its email needs.
   */
  public static final String NOTIFICATION_CLAIM = "persistence.notification.claim";

  /** {@code {id, status, error, sent_at, next_attempt_at}} → {@code {updated}}. */
  public static final String NOTIFICATION_RECORD = "persistence.notification.record";

  /** Event, published: a reply notification was stored and the mailer may look for it. */
  public static final String NOTIFICATION_QUEUED = "persistence.notification.queued";

  /** {@code {}} → {@code {ok: true}} once the database answers; 503 otherwise. */
  public static final String DATABASE_PING = "persistence.database.ping";

  /**
   * {@code {tokens, at, user_agents, purposes}}: pixel loads the HTTP side saw, a batch in
   * columns ({@code casemail.tracking.SeenOpens}) → {@code {}} once the tracking verticle has
   * room for them, which is how it slows the HTTP side down under load.
   */
  public static final String OPEN_SEEN = "tracking.open.seen";

  /** {@code {}} → {@code {items}}: the emails the embedded capture mailbox received. */
  public static final String DEV_MAILBOX_LIST = "mail.devmailbox.list";

  /** {@code {index}} → {@code {html, text, raw, headers}}; 404. */
  public static final String DEV_MAILBOX_GET = "mail.devmailbox.get";

  /** {@code {}} → {@code {ok: true}} once the SMTP server greets; 503 otherwise. */
  public static final String SMTP_PING = "mail.smtp.ping";

  /** A {@link #DELIVERY_EMAIL} reply → {@code {raw, text, html}}: the email as built. */
  public static final String EMAIL_RENDER = "mail.email.render";

  private Addresses() {
  }
}
