package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Formats;
import casemail.http.MessageWriter;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.http.UploadForm;
import casemail.message.Attachments.Problem;
import casemail.message.Attachments.Refusal;
import casemail.message.MessageDraft;
import casemail.message.PlainText;
import casemail.message.Placeholders;
import casemail.message.Words;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.stream.Collectors;

/**
 * The composer page: the case, the form as typed with the problems next to its fields, the
 * pending attachments it keeps, the standard-message picker, the placeholders of the case type
 * and the preview — the message as the customer will see it, written by {@link MessageWriter}
 * exactly as it would be stored.
 */
final class ComposerPage {

  private final Bus bus;
  private final Pages pages;
  private final MessageWriter writer;

  ComposerPage(Bus bus, Pages pages, MessageWriter writer) {
    this.bus = bus;
    this.pages = pages;
    this.writer = writer;
  }

  /** What the page shows besides the case: {@code preview} null for none. */
  record Shown(JsonObject form, JsonObject problems, JsonArray kept, MessageDraft preview) {
  }

  /** A new message: To the customer's addresses, filled from a standard message if chosen. */
  void showNew(RoutingContext ctx, String type, JsonObject standard) {
    bus.request(Addresses.CASE_GET, CaseRoutes.caseRequest(ctx, type))
        .onSuccess(found -> {
          var emails = found.getJsonObject("customer").getJsonArray("emails");
          var form = new JsonObject().put("to", joined(emails))
              .put(ComposerForm.MESSAGE_ID, ComposerForm.newMessageId());
          if (standard == null) {
            render(ctx, type, 200, found, new Shown(form, new JsonObject(), new JsonArray(), null));
            return;
          }
          withStandard(form, standard);
          var checked = MessageDraft.check(null, form.getString("cc"), form.getString("bcc"),
              form.getString("subject"), form.getString("body"), StaffSession.words(ctx))
              .placeholders(type);
          render(ctx, type, 200, found, new Shown(form, checked.problemsJson(), new JsonArray(),
              checked.isValid() ? checked.draft() : null));
        })
        .onFailure(ctx::fail);
  }

  /** The form's subject, text, CC and BCC replaced by the standard message's. */
  static JsonObject withStandard(JsonObject form, JsonObject standard) {
    return form.put("subject", standard.getString("subject"))
        .put("body", standard.getString("body"))
        .put("cc", joined(standard.getJsonArray("cc")))
        .put("bcc", joined(standard.getJsonArray("bcc")))
        .put("standard_message", standard.getLong("id"));
  }

  /** The standard message a picker chose, or null for none; 404 for an unknown one. */
  static Future<JsonObject> standardMessage(Bus bus, RoutingContext ctx, String chosen) {
    if (chosen == null || chosen.isBlank()) {
      return Future.succeededFuture(null);
    }
    long id;
    try {
      id = Long.parseLong(chosen);
    } catch (NumberFormatException e) {
      return Future.failedFuture(BusFailure.notFound("Standard message"));
    }
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("id", id);
    return bus.request(Addresses.STANDARD_MESSAGE_GET, request);
  }

  void show(RoutingContext ctx, String type, int status, Shown shown) {
    bus.request(Addresses.CASE_GET, CaseRoutes.caseRequest(ctx, type))
        .onSuccess(found -> render(ctx, type, status, found, shown))
        .onFailure(ctx::fail);
  }

  /** Only the preview, for the composer's script to show while the user types. */
  void showPreview(RoutingContext ctx, String type, JsonArray kept, MessageDraft draft,
      JsonObject problems) {
    preview(ctx, type, draft, kept)
        .onSuccess(preview -> pages.render(ctx, "staff/message-preview", new JsonObject()
            .put("preview", preview)
            .put("previewProblem", previewProblem(problems))))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, String type, int status, JsonObject found,
      Shown shown) {
    var user = StaffSession.current(ctx);
    var list = new JsonObject().put("administration_id", user.administrationId())
        .put("case_type", type);
    Future.all(bus.request(Addresses.STANDARD_MESSAGE_LIST, list),
            preview(ctx, type, shown.preview(), shown.kept()))
        .onSuccess(all -> pages.render(ctx, status, "staff/composer",
            model(user.words(), type, status, found, shown,
            all.<JsonObject>resultAt(0), all.resultAt(1))))
        .onFailure(ctx::fail);
  }

  private JsonObject model(Words words, String type, int status, JsonObject found,
      Shown shown, JsonObject standardMessages, JsonObject preview) {
    // The composer shows the case's dates and amounts, no times: the zone changes nothing.
    var formats = new Formats(words.locale(), "UTC");
    return fields(new CaseView(formats).of(found), type, status, shown.form(), shown.problems(),
            shown.kept(), words)
        .put("standardMessages", choices(standardMessages.getJsonArray("items"),
            shown.form().getLong("standard_message")))
        .put("preview", preview);
  }

  /**
   * What the composer's fields need, in the single and the bulk composer: the form as typed,
   * its problems, the attachments kept, the placeholders of the case type and the limits.
   */
  static JsonObject fields(JsonObject model, String type, int status, JsonObject form,
      JsonObject problems, JsonArray kept, Words words) {
    var placeholders = new JsonArray();
    Placeholders.names(type).forEach(name -> placeholders.add("{{" + name + "}}"));
    return model
        .put("form", form)
        .put("problems", problems)
        .put("refused", status >= 400)
        .put("kept", AttachmentRoutes.views(kept))
        .put("placeholders", placeholders)
        .put("previewProblem", previewProblem(problems))
        .put("limits", UploadForm.limits(
            new Problem(Refusal.FILE_TOO_LARGE, "{name}").worded(words, "attachments."),
            new Problem(Refusal.MESSAGE_TOO_LARGE, null).worded(words, "attachments.")));
  }

  private Future<JsonObject> preview(RoutingContext ctx, String type, MessageDraft draft,
      JsonArray kept) {
    if (draft == null) {
      return Future.succeededFuture(null);
    }
    var user = StaffSession.current(ctx);
    long caseId = CaseRoutes.caseRequest(ctx, type).getLong("id");
    return writer.write(user.administrationId(), user.id(), type, caseId, draft)
        .map(written -> previewOf(written, kept))
        .recover(ComposerPage::previewRefused);
  }

  /** A written message as the preview shows it. */
  static JsonObject previewOf(MessageWriter.Written written, JsonArray kept) {
    return new JsonObject()
        .put("subject", written.subject())
        // Escaped by PlainText.toHtml, as on every page and in the email.
        .put("bodyHtml", PlainText.toHtml(written.body()))
        .put("signatureHtml", PlainText.toHtml(written.signature()))
        .put("attachments", AttachmentRoutes.views(kept));
  }

  /** A message that could not be written (too long once filled) previews as its problem. */
  static Future<JsonObject> previewRefused(Throwable failure) {
    var known = BusFailure.from(failure);
    return known.code() == 422
        ? Future.succeededFuture(new JsonObject().put("problem", known.getMessage()))
        : Future.failedFuture(failure);
  }

  /** Why there is no preview (the subject's or text's problem), shown after "No preview:". */
  static String previewProblem(JsonObject problems) {
    return problems.getString("subject", problems.getString("body"));
  }

  static JsonArray choices(JsonArray standardMessages, Long selected) {
    var choices = new JsonArray();
    standardMessages.forEach(item -> {
      var standard = (JsonObject) item;
      choices.add(new JsonObject()
          .put("id", standard.getLong("id"))
          .put("description", standard.getString("description"))
          .put("selected", standard.getLong("id").equals(selected)));
    });
    return choices;
  }

  private static String joined(JsonArray addresses) {
    return addresses == null ? "" : addresses.stream().map(String::valueOf)
        .collect(Collectors.joining("; "));
  }
}
