package casemail.http;

import casemail.message.Words;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The signed-in staff user, kept in the session after login. */
public final class StaffSession {

  private static final String KEY = "staff";

  private StaffSession() {
  }

  /** A signed-in user as the pages and routes know it. */
  public record StaffUser(long id, long administrationId, String name, String email, String role,
      String language) {

    public boolean isAdmin() {
      return "admin".equals(role);
    }

    /** The words of this user's pages, in the language chosen on the profile. */
    public Words words() {
      return Words.staff(language);
    }

    JsonObject toView() {
      return new JsonObject().put("name", name).put("email", email).put("admin", isAdmin());
    }

    static StaffUser fromJson(JsonObject user) {
      return new StaffUser(user.getLong("id"), user.getLong("administration_id"),
          user.getString("name"), user.getString("email"), user.getString("role"),
          user.getString("language", "en"));
    }
  }

  /** The words of the page: the signed-in user's language, else English. */
  public static Words words(RoutingContext ctx) {
    return user(ctx).map(StaffUser::words).orElse(Words.staff("en"));
  }

  public static Optional<StaffUser> user(RoutingContext ctx) {
    if (ctx.session() == null) {
      return Optional.empty();
    }
    JsonObject stored = ctx.session().get(KEY);
    return Optional.ofNullable(stored).map(StaffUser::fromJson);
  }

  /** The signed-in user; routes behind {@link #required()} may rely on it. */
  public static StaffUser current(RoutingContext ctx) {
    return user(ctx).orElseThrow(() -> new IllegalStateException("No user in session"));
  }

  /** A new session id and a new CSRF token, so nothing known before sign-in still works. */
  public static void signIn(RoutingContext ctx, JsonObject user) {
    ctx.session().regenerateId();
    Csrf.renew(ctx);
    ctx.session().put(KEY, user);
  }

  /** Keeps the session's copy of the user in step after a profile change. */
  public static void refresh(RoutingContext ctx, JsonObject user) {
    ctx.session().put(KEY, user);
  }

  public static void signOut(RoutingContext ctx) {
    ctx.session().destroy();
  }

  /** Lets only administration admins through; others get a 403. */
  public static Handler<RoutingContext> adminRequired() {
    return ctx -> {
      if (user(ctx).map(StaffUser::isAdmin).orElse(false)) {
        ctx.next();
      } else {
        ctx.fail(403);
      }
    };
  }

  /** Sends anyone not signed in to the login page, remembering where they were going. */
  public static Handler<RoutingContext> required() {
    return ctx -> {
      if (user(ctx).isPresent()) {
        ctx.next();
      } else if (ctx.request().method() == HttpMethod.GET) {
        var next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
        ctx.redirect("/login?next=" + next);
      } else {
        ctx.fail(401);
      }
    };
  }
}
