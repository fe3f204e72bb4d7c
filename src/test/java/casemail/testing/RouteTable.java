package casemail.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route Casemail serves, one row each, with who may use it and, for a form, fields that
 * a real user would send. The security tests sweep these rows (sign-in, roles, CSRF, tenant
 * isolation, headers, hostile input); {@code RouteSecurityIT} fails while the router or the
 * OpenAPI document has a route without a row here, naming it.
 *
 * <p>Paths hold placeholders filled from a {@link Tenants.Tenant}: {@code {customer}},
 * {@code {invoice}}, {@code {matter}}, {@code {message}} (a message to the customer),
 * {@code {reply}} (the customer's reply), {@code {delivery}}, {@code {attachment}},
 * {@code {replyAttachment}}, {@code {standard}}, {@code {batch}}, {@code {email}} (the admin's),
 * {@code {administration}} (its id), {@code {logoVersion}}.
 */
public final class RouteTable {

  /** Who may use a route. */
  public enum Access {
    /** Anyone: the pixel, health, the login page, portal links. */
    PUBLIC,
    /** A customer with a portal session. */
    PORTAL,
    /** Any signed-in user: admins and members. */
    STAFF,
    /** Signed-in admins only. */
    ADMIN,
    /** Admins, and only where the capture mailbox runs (not in the tests' app). */
    DEV,
    /** An API key. */
    API
  }

  /**
   * One route: method, path with placeholders, access, and the form a user would post.
   * {@code selects}: its ids choose cases for a bulk send, so ids of another administration
   * choose nothing (no case, none of its data) rather than answering 404.
   */
  public record Route(String method, String path, Access access, Map<String, String> form,
      boolean selects) {

    /** {@code GET /customers/{}}: method and path with any placeholder written {@code {}}. */
    public String key() {
      return method + " " + path.replaceAll("\\{[^}]*}|:[A-Za-z]+", "{}")
          .replaceAll("\\?.*", "");
    }

    public boolean isForm() {
      return !method.equals("GET") && !method.equals("HEAD") && access != Access.API;
    }

    public boolean namesAnObject() {
      return path.contains("{") && !selects;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Map<String, String> MESSAGE = Map.of("to", "", "cc", "", "bcc", "",
      "subject", "Forged subject", "body", "Forged text");

  /** The staff, portal and public pages. */
  public static final List<Route> PAGES = pages();

  /** The JSON API, paths under {@code /api/v1}. */
  public static final List<Route> API = List.of(
      api("GET", "/customers?number={customerNumber}"),
      api("GET", "/invoices?number={invoiceNumber}"),
      api("GET", "/matters?reference={matterReference}"),
      api("GET", "/customers/{customer}/timeline"),
      api("GET", "/invoices/{invoice}/timeline"),
      api("GET", "/matters/{matter}/timeline"),
      api("POST", "/messages"),
      api("GET", "/messages/{message}"),
      api("POST", "/messages/{message}/resend"),
      api("GET", "/inbox"),
      api("GET", "/standard-messages"),
      api("POST", "/standard-messages"),
      api("GET", "/standard-messages/{standard}"),
      api("PUT", "/standard-messages/{standard}"),
      api("DELETE", "/standard-messages/{standard}"),
      api("PATCH", "/users/{email}"),
      api("POST", "/batches"),
      api("GET", "/batches/{batch}"));

  private RouteTable() {
  }

  private static List<Route> pages() {
    var rows = new ArrayList<Route>(List.of(
        page("GET", "/o/{pixel}", Access.PUBLIC),
        page("HEAD", "/o/{pixel}", Access.PUBLIC),
        page("GET", "/health", Access.PUBLIC),
        page("GET", "/ready", Access.PUBLIC),
        page("GET", "/metrics", Access.PUBLIC),
        page("GET", "/api/v1/openapi.yaml", Access.PUBLIC),
        page("GET", "/logo/{administration}/{logoVersion}", Access.PUBLIC),
        page("GET", "/", Access.PUBLIC),
        page("GET", "/login", Access.PUBLIC),
        form("POST", "/login", Access.PUBLIC, Map.of("email", TestData.ADMIN_EMAIL,
            "password", TestData.PASSWORD, "next", "/inbox")),
        form("POST", "/logout", Access.STAFF, Map.of()),
        page("GET", "/portal/l/{portalToken}", Access.PUBLIC),
        page("GET", "/portal", Access.PORTAL),
        page("GET", "/portal/messages/{message}", Access.PORTAL),
        form("POST", "/portal/messages/{message}/replies", Access.PORTAL,
            Map.of("body", "Forged reply")),
        page("GET", "/portal/direct-debit", Access.PORTAL),
        form("POST", "/portal/direct-debit", Access.PORTAL, Map.of("account_holder", "Forged",
            "iban", "DE89370400440532013000", "consent", "yes")),
        form("POST", "/portal/direct-debit/revoke", Access.PORTAL, Map.of()),
        page("GET", "/portal/attachments/{replyAttachment}", Access.PORTAL),
        page("GET", "/inbox", Access.STAFF),
        page("GET", "/inbox/messages/{reply}", Access.STAFF),
        page("GET", "/attachments/{attachment}", Access.STAFF),
        form("POST", "/customers/{customer}/bounces/clear", Access.STAFF,
            Map.of("address", "{bounce}")),
        page("GET", "/profile", Access.STAFF),
        form("POST", "/profile", Access.STAFF, Map.of("name", "Forged", "signature", "")),
        // The new passwords differ, so no sweep ever changes a test user's password.
        form("POST", "/profile/password", Access.STAFF, Map.of("current_password",
            TestData.PASSWORD, "new_password", "Forged password 1",
            "new_password_again", "Forged password 2")),
        page("GET", "/settings", Access.ADMIN),
        page("GET", "/settings/administration", Access.ADMIN),
        form("POST", "/settings/administration", Access.ADMIN, Map.of("name", "Forged")),
        form("POST", "/settings/administration/logo", Access.ADMIN, Map.of()),
        form("POST", "/settings/administration/logo/delete", Access.ADMIN, Map.of()),
        page("GET", "/settings/messages", Access.ADMIN),
        page("GET", "/settings/messages/new", Access.ADMIN),
        form("POST", "/settings/messages", Access.ADMIN, Map.of("description", "Forged",
            "case_type", "", "subject", "Forged", "cc", "", "bcc", "", "body", "Forged")),
        page("GET", "/settings/messages/{standard}", Access.ADMIN),
        form("POST", "/settings/messages/{standard}", Access.ADMIN, Map.of("description",
            "Forged", "case_type", "", "subject", "Forged", "cc", "", "bcc", "", "body", "x")),
        form("POST", "/settings/messages/{standard}/delete", Access.ADMIN, Map.of()),
        new Route("GET", "/batches/new?case_type=invoice&ids={invoice}", Access.STAFF, Map.of(),
            true),
        form("POST", "/batches", Access.STAFF, bulk()),
        form("POST", "/batches/preview", Access.STAFF, bulk()),
        page("GET", "/batches/{batch}", Access.STAFF),
        page("GET", "/batches/{batch}/progress", Access.STAFF),
        page("GET", "/dev/mailbox", Access.DEV),
        page("GET", "/dev/mailbox/{index}", Access.DEV),
        page("GET", "/dev/mailbox/{index}/html", Access.DEV),
        page("GET", "/dev/mailbox/{index}/raw", Access.DEV)));
    for (var type : List.of("customer", "invoice", "matter")) {
      rows.addAll(casePages(type));
    }
    return List.copyOf(rows);
  }

  /** The pages of one kind of case: overview, case page, composer, resend, View email. */
  private static List<Route> casePages(String type) {
    var base = "/" + type + "s/{" + type + "}";
    return List.of(
        page("GET", "/" + type + "s", Access.STAFF),
        page("GET", base, Access.STAFF),
        page("GET", base + "/messages/new", Access.STAFF),
        page("GET", base + "/messages/new?standard_message={standard}", Access.STAFF),
        form("POST", base + "/messages", Access.STAFF, MESSAGE),
        form("POST", base + "/messages/preview", Access.STAFF, MESSAGE),
        form("POST", base + "/messages/{message}/resend", Access.STAFF, Map.of("to", "")),
        page("GET", base + "/deliveries/{delivery}/email", Access.STAFF),
        page("GET", base + "/deliveries/{delivery}/email/html", Access.STAFF),
        page("GET", base + "/deliveries/{delivery}/email/raw", Access.STAFF));
  }

  /** The bulk composer's form for one invoice, confirmed as one case. */
  private static Map<String, String> bulk() {
    var fields = new HashMap<>(MESSAGE);
    fields.remove("to");
    fields.putAll(Map.of("case_type", "invoice", "ids", "{invoice}", "expected", "1"));
    return Map.copyOf(fields);
  }

  private static Route page(String method, String path, Access access) {
    return new Route(method, path, access, Map.of(), false);
  }

  private static Route form(String method, String path, Access access, Map<String, String> form) {
    return new Route(method, path, access, form, false);
  }

  private static Route api(String method, String path) {
    return new Route(method, path, Access.API, Map.of(), false);
  }
}
