package casemail.http;

import casemail.message.Words;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders server-side pages from {@code templates/<name>.hbs} with a prepared view model, and
 * adds what every page needs: the CSRF token and the signed-in user. {@code {{x}}} escapes;
 * pages use triple braces only for HTML Casemail produced itself.
 *
 * <p>Uses the Handlebars instance of Vert.x's Handlebars engine (with its formatting of JSON
 * values), but its own loader ({@link PageTemplates}), and compiles and applies templates
 * itself: the engine's {@code render} re-points the shared loader at the folder of the
 * template it last compiled, so a cached page's partials could then be looked up in another
 * folder. Here every partial is named from {@code templates/} ({@code {{> staff/layout}}}),
 * read once as UTF-8, parsed once and cached.
 */
public final class Pages {

  /** Template data: the {@link Words} that {@code {{t "key" argument…}}} reads from. */
  static final String WORDS = "words";

  /** Model: the staff words key of the page's title, and its arguments (a JSON array). */
  public static final String TITLE_KEY = "titleKey";
  public static final String TITLE_ARGUMENTS = "titleArguments";

  /** Request data: the administration's unread replies, for the top bar's badge. */
  public static final String UNREAD_REPLIES = "unreadReplies";

  private final Handlebars handlebars;
  private final SessionHandler sessions;
  private final Map<String, Template> templates = new HashMap<>();

  public Pages(Vertx vertx, SessionHandler sessions) {
    this.sessions = sessions;
    this.handlebars = HandlebarsTemplateEngine.create(vertx).unwrap()
        .with(new PageTemplates())
        .with(new ConcurrentMapTemplateCache());
    // Staff words: {{t "inbox.title"}} or {{t "batch.finished_of" sent total}}, escaped like {{x}}.
    handlebars.registerHelper("t", (Helper<String>) (key, options) -> options.<Words>data(WORDS)
        .get(key, options.params));
    // The word for a value: {{word "delivery" status}} is the word of key delivery.<status>.
    handlebars.registerHelper("word", (Helper<String>) (prefix, options) -> options
        .<Words>data(WORDS).get(prefix + "." + options.param(0)));
  }

  public Future<Void> render(RoutingContext ctx, String template, JsonObject model) {
    return render(ctx, 200, template, model);
  }

  public Future<Void> render(RoutingContext ctx, int status, String template, JsonObject model) {
    if (ctx.session() != null) {
      model.put("csrf", Csrf.token(ctx));
      StaffSession.user(ctx).ifPresent(user -> model.put("me", user.toView()));
      Long unread = ctx.get(UNREAD_REPLIES);
      model.put(UNREAD_REPLIES, unread == null || unread == 0 ? null : unread);
    }
    var words = StaffSession.words(ctx);
    if (!model.containsKey("lang")) {
      model.put("lang", words.language());
    }
    if (model.containsKey(TITLE_KEY)) {
      model.put("title", words.get(model.getString(TITLE_KEY),
          model.getJsonArray(TITLE_ARGUMENTS, new JsonArray()).getList().toArray()));
    }
    String html;
    try {
      html = apply(template, model, words);
    } catch (IOException | RuntimeException e) {
      fail(ctx, e);
      return Future.failedFuture(e);
    }
    return stored(ctx, status).compose(ignored -> ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(html));
  }

  /**
   * Stores the session before a page with an error status: Vert.x stores sessions only with
   * 2xx and 3xx answers, and a 4xx page may hand out what lives in the session — the CSRF
   * token of a form that a "Please confirm" or sign-in page offers again.
   */
  private Future<Void> stored(RoutingContext ctx, int status) {
    if (status < 400 || ctx.session() == null || ctx.session().isDestroyed()) {
      return Future.succeededFuture();
    }
    return sessions.flush(ctx, true).recover(failure -> Future.succeededFuture());
  }

  /** The page as HTML; templates are compiled on first use and kept. */
  String apply(String name, JsonObject model, Words words) throws IOException {
    var template = templates.get(name);
    if (template == null) {
      template = handlebars.compile(name);
      templates.put(name, template);
    }
    var context = Context.newBuilder(model).resolver(JsonValueResolver.INSTANCE).build();
    context.data(WORDS, words);
    try {
      return template.apply(context);
    } finally {
      context.destroy();
    }
  }

  private static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.failed()) {
      ctx.response().setStatusCode(500).end("Something went wrong on our side");
    } else {
      ctx.fail(failure);
    }
  }
}
