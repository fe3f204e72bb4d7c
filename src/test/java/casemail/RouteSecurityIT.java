package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.http.HttpVerticle;
import casemail.security.LoginThrottle;
import casemail.testing.Api;
import casemail.testing.Browser;
import casemail.testing.Futures;
import casemail.testing.RouteTable;
import casemail.testing.RouteTable.Access;
import casemail.testing.RouteTable.Route;
import casemail.testing.Sql;
import casemail.testing.Tenants;
import casemail.testing.Tenants.Tenant;
import casemail.testing.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sweeps of {@link RouteTable}: every route has a row; staff routes need a signed-in user and
 * admin routes an admin; every form needs its CSRF token; no page, download or form of one
 * administration — nor of one portal customer — reaches the other's, either way.
 */
class RouteSecurityIT {

  private static TestApp app;
  private static Tenant acme;
  private static Tenant other;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    acme = Tenants.acme(app, "2026-000037");
    other = Tenants.other(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyRouteOfTheRouterAndTheApiHasARow() {
    var verticle = new HttpVerticle(app.settings().withHttpPort(0), true,
        new LoginThrottle(Clock.systemUTC()));
    var id = Futures.await(app.vertx().deployVerticle(verticle));
    var served = keys(verticle.routes().stream()
        .map(route -> route.replaceAll(":[A-Za-z]+", "{}")).toList());
    Futures.await(app.vertx().undeploy(id));
    var contract = Futures.await(OpenAPIContract.from(app.vertx(), "openapi.yaml"));
    var operations = keys(contract.operations().stream()
        .map(operation -> operation.getHttpMethod() + " " + operation.getOpenAPIPath()
            .replaceAll("\\{[^}]*}", "{}")).toList());

    assertThat(served).as("page routes without a row in RouteTable.PAGES")
        .isSubsetOf(keys(RouteTable.PAGES));
    assertThat(operations).as("API operations without a row in RouteTable.API")
        .isSubsetOf(keys(RouteTable.API));
  }

  @Test
  void staffRoutesSendAVisitorToSignInAndRefuseTheirForms() {
    var visitor = app.browser();
    var token = token(visitor, "/login");

    for (var route : rows(RouteTable.PAGES, Access.STAFF, Access.ADMIN)) {
      if (route.path().equals("/logout")) {
        continue;
      }
      var answer = request(visitor, route, acme, token);
      if (route.isForm()) {
        assertThat(answer.status()).as(route.toString()).isEqualTo(401);
      } else {
        assertThat(answer.status()).as(route.toString()).isEqualTo(302);
        assertThat(answer.header("Location")).as(route.toString()).startsWith("/login?next=");
      }
    }
  }

  @Test
  void membersAreRefusedEveryAdminRouteAndMayUseTheOthers() {
    var before = fingerprint();
    var member = acme.signedIn(app, acme.memberEmail());
    var token = token(member, "/profile");

    for (var route : rows(RouteTable.PAGES, Access.ADMIN)) {
      assertThat(request(member, route, acme, token).status()).as(route.toString())
          .isEqualTo(403);
    }
    assertThat(fingerprint()).isEqualTo(before);
    for (var route : rows(RouteTable.PAGES, Access.STAFF)) {
      if (!route.isForm()) {
        assertThat(request(member, route, acme, token).status()).as(route.toString())
            .isBetween(200, 302);
      }
    }
  }

  @Test
  void everyFormWithoutItsTokenOrWithAnotherIsRefusedAndChangesNothing() {
    var before = fingerprint();
    var browsers = Map.of(Access.PUBLIC, app.browser(), Access.STAFF, acme.admin(app),
        Access.PORTAL, acme.portal());
    browsers.get(Access.PUBLIC).get("/login");

    for (var route : RouteTable.PAGES.stream().filter(Route::isForm).toList()) {
      var browser = browsers.getOrDefault(route.access(), browsers.get(Access.STAFF));
      for (var token : new String[] {null, "forged-token"}) {
        var refused = request(browser, route, acme, token);
        assertThat(refused.status()).as(route + " with token " + token).isEqualTo(403);
        assertThat(refused.document().select("form input[name=_csrf]")).as(route.toString())
            .hasSize(1);
      }
    }
    assertThat(fingerprint()).isEqualTo(before);
    assertThat(browsers.get(Access.STAFF).get("/inbox").status()).isEqualTo(200);
  }

  @Test
  void noStaffRouteReachesAnythingOfTheOtherAdministrationEitherWay() {
    var before = fingerprint();
    for (var pair : List.of(List.of(acme, other), List.of(other, acme))) {
      var own = pair.get(0);
      var foreign = pair.get(1);
      var admin = own.admin(app);
      var token = token(admin, "/profile");
      for (var route : rows(RouteTable.PAGES, Access.STAFF, Access.ADMIN)) {
        if (route.namesAnObject()) {
          assertRefused(admin, route, foreign, token, own);
        } else if (route.selects()) {
          var chosen = request(admin, route, foreign, token);
          assertThat(chosen.status()).as(route + " with the other's ids").isLessThan(500);
          assertThat(chosen.body()).as(route.toString()).doesNotContain(foreign.marker());
        } else if (!route.isForm()) {
          assertThat(admin.get(route.path()).body()).as(route.toString())
              .doesNotContain(foreign.marker());
        }
      }
      for (var search : searches(foreign)) {
        var found = admin.get(search).document().select("main table").text();
        assertThat(found).as(search).doesNotContain(foreign.marker(),
            search.substring(search.lastIndexOf('=') + 1));
      }
    }
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void aPortalSessionReachesNothingOfTheOtherCustomerEitherWay() {
    var before = fingerprint();
    for (var pair : List.of(List.of(acme, other), List.of(other, acme))) {
      var own = pair.get(0);
      var foreign = pair.get(1);
      var token = token(own.portal(), "/portal/direct-debit");
      for (var route : rows(RouteTable.PAGES, Access.PORTAL)) {
        if (route.namesAnObject()) {
          assertRefused(own.portal(), route, foreign, token, own);
        } else if (!route.isForm()) {
          assertThat(own.portal().get(route.path()).body()).as(route.toString())
              .doesNotContain(foreign.marker());
        }
      }
      var attachment = "/portal/attachments/" + foreign.ids().get("attachment");
      assertThat(own.portal().get(attachment).status()).isEqualTo(404);
      assertThat(own.portal().get("/inbox").status()).isEqualTo(302);
    }
    assertThat(fingerprint()).isEqualTo(before);
    assertThat(acme.admin(app).get("/portal").status()).isEqualTo(403);
  }

  @Test
  void noApiRouteReachesAnythingOfTheOtherAdministrationEitherWay() {
    var before = fingerprint();
    for (var pair : List.of(List.of(acme, other), List.of(other, acme))) {
      var own = pair.get(0);
      var foreign = pair.get(1);
      for (var route : RouteTable.API) {
        if (route.method().equals("POST") && !route.namesAnObject()
            && !route.path().equals("/messages")) {
          continue;
        }
        var reply = apiRequest(own, route, foreign);
        assertThat(reply.body()).as(route.toString()).doesNotContain(foreign.marker());
        if (route.method().equals("GET") && route.path().contains("?")) {
          assertThat(reply.json().getJsonArray("items")).as(route.toString()).isEmpty();
        } else if (route.namesAnObject() || route.method().equals("POST")) {
          assertThat(reply.status()).as(route.toString()).isEqualTo(404);
        }
      }
      assertThat(own.api(app).get("/inbox?q=" + foreign.marker()).json()
          .getJsonArray("items")).isEmpty();
      assertForeignAuthorAndStandardMessageRefused(own, foreign);
    }
    assertThat(fingerprint()).isEqualTo(before);
  }

  private static void assertForeignAuthorAndStandardMessageRefused(Tenant own, Tenant foreign) {
    var message = message(own.ids().get("invoice"), own.adminEmail());
    var byForeignAuthor = own.api(app).post("/messages", message.copy()
        .put("author", foreign.adminEmail()));
    var withForeignStandard = own.api(app).post("/messages", message.copy()
        .put("standard_message_id", Long.parseLong(foreign.ids().get("standard"))));

    assertThat(byForeignAuthor.status()).isEqualTo(422);
    assertThat(byForeignAuthor.json().getJsonObject("error").getJsonObject("fields").getMap())
        .containsOnlyKeys("author");
    assertThat(withForeignStandard.status()).isEqualTo(422);
    assertThat(withForeignStandard.body()).doesNotContain(foreign.marker());
  }

  private static Api.Reply apiRequest(Tenant own, Route route, Tenant foreign) {
    var api = own.api(app);
    var path = foreign.fill(route.path());
    return switch (route.method()) {
      case "GET" -> api.get(path);
      case "DELETE" -> api.delete(path);
      case "PUT" -> api.put(path, new JsonObject().put("description", "Forged")
          .put("subject", "Forged").put("body", "Forged"));
      case "PATCH" -> api.patch(path, new JsonObject().put("name", "Forged"));
      default -> api.post(path, route.path().equals("/messages")
          ? message(foreign.ids().get("invoice"), own.adminEmail()) : new JsonObject());
    };
  }

  private static JsonObject message(String invoiceId, String author) {
    return new JsonObject()
        .put("case", new JsonObject().put("type", "invoice").put("id", Long.parseLong(invoiceId)))
        .put("author", author).put("subject", "Forged").put("body", "Forged");
  }

  @Test
  void everyPageAndErrorCarriesTheSecurityHeaders() {
    var browsers = Map.of(Access.PUBLIC, app.browser(), Access.PORTAL, acme.portal(),
        Access.STAFF, acme.admin(app));
    for (var route : RouteTable.PAGES) {
      if (!route.isForm() && route.access() != Access.DEV) {
        var browser = browsers.getOrDefault(route.access(), browsers.get(Access.STAFF));
        assertHeaders(request(browser, route, acme, null), route.path());
      }
    }
    var visitor = app.browser();
    for (var path : List.of("/no-such-page", "/portal/no-such-page", "/static/css/app.css",
        "/static/js/composer.js", "/customers/abc", "/login?next=//evil.example")) {
      assertHeaders(visitor.get(path), path);
    }
    assertHeaders(visitor.post("/login", Map.of("email", "x")), "/login refused");
    assertHeaders(browsers.get(Access.STAFF).post("/inbox", Map.of()), "POST /inbox");
  }

  @Test
  void attachmentsAreServedAsDownloadsWithTheirTypeAndASandboxNeverAsPages() {
    var staff = acme.admin(app);
    var downloads = List.of(
        staff.download(acme.fill("/attachments/{attachment}")),
        staff.download(acme.fill("/attachments/{replyAttachment}")),
        acme.portal().download(acme.fill("/portal/attachments/{attachment}")),
        acme.portal().download(acme.fill("/portal/attachments/{replyAttachment}")));

    assertThat(downloads).extracting(download -> download.header("Content-Type"))
        .containsExactly("text/html", "image/svg+xml", "text/html", "image/svg+xml");
    for (var download : downloads) {
      assertThat(download.status()).isEqualTo(200);
      assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"")
          .contains("filename*=UTF-8''").doesNotContain("\r", "\n");
      assertThat(download.header("Content-Security-Policy")).startsWith("sandbox");
      assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(download.header("Cache-Control")).contains("no-store");
    }
    assertThat(downloads.get(0).header("Content-Disposition"))
        .contains("filename*=UTF-8''" + acme.marker() + ".html");
  }

  /** The headers every response carries; for a page also the policy, framing and referrer. */
  private static void assertHeaders(Browser.Response response, String what) {
    assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    var type = response.header("Content-Type");
    var disposition = response.header("Content-Disposition");
    if (type == null || !type.startsWith("text/html")
        || disposition != null && disposition.startsWith("attachment")) {
      return;
    }
    var policy = response.header("Content-Security-Policy");
    var scripts = policy.contains("script-src")
        ? policy.replaceAll(".*script-src([^;]*).*", "$1") : "";
    assertThat(scripts).as(what)
        .doesNotContain("unsafe-inline", "unsafe-eval");
    if (what.endsWith("/email/html")) {
      // The framed email keeps its own inline styles, and runs no script at all.
      assertThat(policy).as(what).startsWith("default-src 'none'")
          .doesNotContain("script-src").contains("frame-ancestors 'self'");
      return;
    }
    assertThat(policy).as(what).contains("script-src 'self'", "object-src 'none'",
        "frame-ancestors 'none'");
    assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    if (what.startsWith("/portal")) {
      assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }
    assertThat(response.document().select("script:not([src]), [style], [onclick], [onload]"))
        .as(what + ": inline script or style").isEmpty();
  }

  /**
   * A route naming the other tenant's objects answers 404 — with every id the other's, and
   * with the case in the path one's own but the object after it the other's.
   */
  private static void assertRefused(Browser browser, Route route, Tenant foreign, String token,
      Tenant own) {
    var all = request(browser, route, foreign, token);
    assertThat(all.status()).as(route + " with the other's ids").isEqualTo(404);
    assertThat(all.body()).as(route.toString()).doesNotContain(foreign.marker());
    var mixed = mixed(own, foreign);
    if (!mixed.fill(route.path()).equals(own.fill(route.path()))
        && !mixed.fill(route.path()).equals(foreign.fill(route.path()))) {
      var answer = request(browser, route, mixed, token);
      assertThat(answer.status()).as(route + " with own case, other's object").isEqualTo(404);
    }
  }

  /** The foreign tenant's ids, but one's own case ids, for paths that name both. */
  private static Tenant mixed(Tenant own, Tenant foreign) {
    var ids = new HashMap<>(foreign.ids());
    for (var caseId : List.of("customer", "invoice", "matter")) {
      ids.put(caseId, own.ids().get(caseId));
    }
    return new Tenant(foreign.name(), foreign.administrationId(), foreign.adminEmail(),
        foreign.memberEmail(), foreign.apiKey(), foreign.marker(), ids, foreign.portal());
  }

  private static List<String> searches(Tenant foreign) {
    var ids = foreign.ids();
    return List.of("/inbox?q=" + foreign.marker(), "/inbox?filter=replies&q=" + foreign.marker(),
        "/customers?q=" + ids.get("customerNumber"), "/invoices?q=" + ids.get("invoiceNumber"),
        "/matters?q=" + ids.get("matterReference"));
  }

  /** The route with the tenant's ids, as a browser would ask for it; forms with the token. */
  static Browser.Response request(Browser browser, Route route, Tenant tenant, String token) {
    var path = tenant.fill(route.path());
    if (!route.isForm()) {
      return route.method().equals("HEAD") ? browser.head(path) : browser.get(path);
    }
    var form = new HashMap<String, String>();
    route.form().forEach((name, value) -> form.put(name, tenant.fill(value)));
    if (token != null) {
      form.put("_csrf", token);
    }
    return browser.post(path, form);
  }

  /** The CSRF token of the browser's session, as the page at {@code path} holds it. */
  static String token(Browser browser, String path) {
    var token = browser.get(path).document().select("input[name=_csrf]").val();
    assertThat(token).as("token on " + path).isNotEmpty();
    return token;
  }

  static List<Route> rows(List<Route> table, Access... access) {
    var wanted = Set.of(access);
    Predicate<Route> chosen = route -> wanted.contains(route.access());
    return table.stream().filter(chosen).toList();
  }

  private static Set<String> keys(List<?> routes) {
    return routes.stream().map(route -> route instanceof Route row ? row.key()
        : String.valueOf(route)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String fingerprint() {
    return Sql.fingerprint(app.settings().databaseUrl());
  }
}
