package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.bus.Addresses;
import casemail.security.PasswordHasher;
import casemail.security.PasswordHasherTest;
import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Futures;
import casemail.testing.Sql;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff sign-in: sessions renewed at sign-in and ended at sign-out, the session cookie's flags,
 * throttling per account and per address, old password hashes upgraded, and a form whose
 * session ended kept through signing in again. The app trusts {@code X-Forwarded-For} here,
 * so each test can sign in from addresses of its own.
 */
class SecurityIT {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of("CASEMAIL_TRUST_FORWARDED_FOR", "true"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void signingInGivesANewSessionIdAndTheOneBeforeReachesNothing() {
    var browser = from(address());
    browser.get("/login");
    var before = cookie(browser);

    browser.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);

    assertThat(cookie(browser)).isNotEqualTo(before);
    assertThat(browser.get("/inbox").status()).isEqualTo(200);
    assertThat(withCookie(before).get("/inbox").header("Location")).startsWith("/login");
  }

  @Test
  void signingOutEndsTheSessionSoItsCookieGetsTheLoginPage() {
    var browser = from(address());
    var inbox = browser.login(TestData.MEMBER_EMAIL, TestData.PASSWORD);
    var session = cookie(browser);

    var out = browser.submit(inbox, "form[action=/logout]", Map.of());

    assertThat(out.document().select("form[action=/login]")).hasSize(1);
    var stale = withCookie(session).get("/inbox");
    assertThat(stale.status()).isEqualTo(302);
    assertThat(stale.header("Location")).startsWith("/login?next=");
    assertThat(withCookie(session).open("/profile").document().select("h1").text())
        .isEqualTo("Sign in");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLaxAndSecureOnlyWhenTheBaseUrlIsHttps() {
    var plain = setCookie(from(address()));
    try (var https = TestApp.start(Map.of("CASEMAIL_BASE_URL", "https://casemail.example"))) {
      var secure = setCookie(new Browser("http://localhost:"
          + https.settings().httpPort()));

      assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
          .doesNotContainIgnoringCase("Secure");
      assertThat(secure).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
          .containsIgnoringCase("Secure");
    }
  }

  @Test
  void fiveWrongPasswordsHoldTheAccountBackWith429SayingWhenButNotOtherAccounts() {
    var email = user("member");
    var attacker = from(address());
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.login(email, "wrong " + i).status()).isEqualTo(401);
    }

    var held = from(address()).login(email, TestData.PASSWORD);
    var colleague = attacker.login(user("member"), TestData.PASSWORD);

    assertThat(held.status()).isEqualTo(429);
    assertThat(Integer.parseInt(held.header("Retry-After"))).isBetween(890, 900);
    assertThat(held.document().select(".alert.error").text())
        .contains("Too many sign-in attempts", "Try again in 15 minutes (at ");
    assertThat(held.document().select("#email").val()).isEqualTo(email);
    assertThat(colleague.status()).isEqualTo(200);
    assertThat(colleague.document().select("nav[aria-label=Main]")).hasSize(1);
  }

  @Test
  void twentyFailuresFromOneAddressHoldItBackWhileOtherAddressesSignIn() {
    var address = address();
    var attacker = from(address);
    for (int i = 0; i < 20; i++) {
      attacker.login("nobody-" + UUID.randomUUID() + "@acme.example", "guess");
    }
    var email = user("admin");

    assertThat(from(address).login(email, TestData.PASSWORD).status()).isEqualTo(429);
    assertThat(from(address()).login(email, TestData.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theForwardedAddressCountsOnlyWhenCasemailIsToldToTrustIt() {
    try (var direct = TestApp.start()) {
      for (int i = 0; i < 20; i++) {
        new Browser(direct.settings().baseUrl()).withHeader("X-Forwarded-For", address())
            .login("nobody-" + i + "@acme.example", "guess");
      }
      var fresh = new Browser(direct.settings().baseUrl()).withHeader("X-Forwarded-For",
          address());

      assertThat(fresh.login(TestData.ADMIN_EMAIL, TestData.PASSWORD).status()).isEqualTo(429);
    }
  }

  @Test
  void aUserChangesTheirPasswordOnlyWithTheCurrentOneAndSignsInWithTheNewOne() {
    var email = user("member");
    var staff = from(address());
    staff.login(email, TestData.PASSWORD);
    var profile = staff.open("/profile");

    var wrong = staff.submit(profile, "form.password", Map.of("current_password", "guess-guess",
        "new_password", "A new password 1", "new_password_again", "A new password 1"));
    var mismatch = staff.submit(profile, "form.password", Map.of("current_password",
        TestData.PASSWORD, "new_password", "A new password 1", "new_password_again", "typo"));
    var changed = staff.submit(profile, "form.password", Map.of("current_password",
        TestData.PASSWORD, "new_password", "A new password 1",
        "new_password_again", "A new password 1"));

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.document().select("#current_password-error").text()).contains("current");
    assertThat(mismatch.document().select("#new_password_again-error").text()).isNotBlank();
    assertThat(changed.document().select(".alert.ok").text()).contains("Password changed");
    assertThat(from(address()).login(email, TestData.PASSWORD).status()).isEqualTo(401);
    assertThat(from(address()).login(email, "A new password 1").status()).isEqualTo(200);
  }

  @Test
  void aHashMadeWithOlderParametersStillSignsInAndIsReplacedByACurrentOne() {
    var email = user("member");
    var weak = PasswordHasherTest.hashWith(TestData.PASSWORD, 4096, 1);
    Futures.await(app.bus().request(Addresses.USER_SET_PASSWORD,
        new JsonObject().put("email", email).put("password_hash", weak)));

    var signedIn = from(address()).login(email, TestData.PASSWORD);

    assertThat(signedIn.status()).isEqualTo(200);
    var stored = storedHash(email);
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHasher.verify(TestData.PASSWORD, stored)).isTrue();
  }

  @Test
  void aFormWhoseSessionEndedIsKeptThroughSigningInAgainAndSentOnce() {
    var staff = from(address());
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    var path = "/invoices/" + Cases.invoice(app, "2026-000031");
    var composer = staff.open(path + "/messages/new");
    var subject = "Kept through sign-in " + UUID.randomUUID();
    staff.forgetCookie("casemail_session");

    var login = staff.submit(composer, "form.composer", Map.of("subject", subject,
        "body", "Typed before the session ended"));
    var confirm = staff.submit(login, "form[action=/login]", Map.of("email",
        TestData.ADMIN_EMAIL, "password", TestData.PASSWORD));
    var sent = staff.submit(confirm, "form[action=" + path + "/messages]", Map.of());

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.body()).contains("Your session ended").doesNotContain(TestData.PASSWORD);
    assertThat(confirm.document().select("h1").text()).isEqualTo("Please confirm");
    assertThat(sent.body()).contains("Your message was stored");
    assertThat(Sql.count(app.settings().databaseUrl(),
        "SELECT count(*) FROM messages WHERE subject = '" + subject + "'")).isEqualTo(1);
  }

  @Test
  void aFormFromAnotherSiteIsRefusedAndNeverOfferedForSendingAgain() {
    var forged = Map.of("payment_url_template", "https://evil.example/pay?i={invoice_number}");
    var crossSite = from(address()).withHeader("Sec-Fetch-Site", "cross-site");
    var otherOrigin = from(address()).withHeader("Origin", "https://evil.example");
    otherOrigin.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);

    var withoutSession = crossSite.post("/settings/administration", forged);
    var signedIn = otherOrigin.post("/settings/administration", forged);

    for (var refused : List.of(withoutSession, signedIn)) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.document().select("main").text()).contains("from another website")
          .doesNotContain("evil.example");
      assertThat(refused.document().select("form[action=/settings/administration]")).isEmpty();
    }
  }

  @Test
  void aSignInRefusedForItsTokenNeverWritesThePasswordIntoThePage() {
    var browser = from(address());
    browser.get("/login");

    var refused = browser.post("/login", Map.of("email", TestData.ADMIN_EMAIL,
        "password", TestData.PASSWORD, "_csrf", "stale"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(TestData.PASSWORD);
    assertThat(refused.document().select("input[type=password][name=password]")).hasSize(1);
    var again = browser.submit(refused, "form", Map.of("password", TestData.PASSWORD));
    assertThat(again.document().select("nav[aria-label=Main]")).hasSize(1);
  }

  private static String storedHash(String email) {
    return Sql.text(app.settings().databaseUrl(),
        "SELECT password_hash FROM users WHERE email = '" + email + "'");
  }

  /** A new user of the test administration, with the test password. */
  private static String user(String role) {
    var email = role + "-" + UUID.randomUUID() + "@acme.example";
    Futures.await(app.bus().request(Addresses.USER_CREATE, new JsonObject()
        .put("administration", TestData.ADMINISTRATION).put("email", email)
        .put("name", "Someone").put("role", role)
        .put("password_hash", PasswordHasher.hash(TestData.PASSWORD))));
    return email;
  }

  /** An address of the documentation range, new for each call. */
  private static String address() {
    var random = UUID.randomUUID().getLeastSignificantBits();
    return "2001:db8::" + Long.toHexString(random & 0xffff) + ":" + Long.toHexString(
        (random >>> 16) & 0xffff);
  }

  private static Browser from(String address) {
    return app.browser().withHeader("X-Forwarded-For", "203.0.113.9, " + address);
  }

  private static String cookie(Browser browser) {
    return browser.cookieHeader();
  }

  private static Browser withCookie(String cookieHeader) {
    return app.browser().withHeader("Cookie", cookieHeader);
  }

  private static String setCookie(Browser browser) {
    var response = browser.get("/login");
    var header = response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith("casemail_session=")).findFirst();
    assertThat(header).as("session cookie").isPresent();
    assertThat(HttpCookie.parse(header.get())).hasSize(1);
    return header.get();
  }
}
