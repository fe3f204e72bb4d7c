package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.BatchSender;
import casemail.http.BatchSender.Preview;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.MessageDraft;
import casemail.message.Words;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The bulk composer page: how many cases are selected and of how many customers, how many
 * get an email and how many are portal-only, the composer's fields without To, and a preview
 * of the first few cases with the placeholders filled — written exactly as they will be sent.
 * The count shown is the one the user confirms by sending; if the selection's count changed
 * since the page was last shown, the page says so.
 */
final class BulkComposerPage {

  private final Bus bus;
  private final Pages pages;
  private final BatchSender sender;

  BulkComposerPage(Bus bus, Pages pages, BatchSender sender) {
    this.bus = bus;
    this.pages = pages;
    this.sender = sender;
  }

  /**
   * What the page shows besides the selection: {@code preview} null for none, {@code notice}
   * why a send was refused that no field explains.
   */
  record Shown(JsonObject form, JsonObject problems, JsonArray kept, MessageDraft preview,
      String notice) {

    static Shown empty() {
      return new Shown(new JsonObject(), new JsonObject(), new JsonArray(), null, null);
    }
  }

  void show(RoutingContext ctx, BulkForm bulk, int status, Shown shown) {
    var user = StaffSession.current(ctx);
    var chosen = bulk.chosen(user.administrationId());
    var list = new JsonObject().put("administration_id", user.administrationId())
        .put("case_type", bulk.type());
    Future.all(sender.summary(chosen), bus.request(Addresses.STANDARD_MESSAGE_LIST, list),
            previews(ctx, bulk, shown.preview(), shown.kept()))
        .map(all -> model(user.words(), bulk, status, shown, all.resultAt(0), all.resultAt(1),
            all.resultAt(2)))
        .onSuccess(model -> pages.render(ctx, status, "staff/bulk-composer", model))
        .onFailure(ctx::fail);
  }

  /** Only the previews, for the composer's script to show while the user types. */
  void showPreviews(RoutingContext ctx, BulkForm bulk, MessageDraft draft, JsonArray kept,
      JsonObject problems) {
    previews(ctx, bulk, draft, kept)
        .onSuccess(previews -> pages.render(ctx, "staff/bulk-previews", new JsonObject()
            .put("previews", previews)
            .put("previewProblem", ComposerPage.previewProblem(problems))))
        .onFailure(ctx::fail);
  }

  private JsonObject model(Words words, BulkForm bulk, int status, Shown shown,
      JsonObject summary, JsonObject standardMessages, JsonArray previews) {
    var counts = new Counts(bulk.type(), words);
    long total = summary.getLong("total");
    var confirmed = bulk.expected();
    var model = new JsonObject()
        .put(Pages.TITLE_KEY, "composer.title")
        .put(Pages.TITLE_ARGUMENTS, new JsonArray().add(counts.cases(total)))
        .put("summary", counts.summary(summary))
        .put("changed", confirmed != null && confirmed != total
            ? words.get("bulk.changed", counts.cases(total), counts.of(confirmed)) : null)
        .put("notice", shown.notice())
        .put("nothing", total == 0)
        .put("tooMany", total > BatchSender.MAX_CASES
            ? words.get("bulk.too_many", counts.cases(total), counts.of(BatchSender.MAX_CASES))
            : null)
        .put("hidden", bulk.confirming(total).hiddenFields())
        .put("overviewUrl", bulk.overviewUrl())
        .put("standardMessages", ComposerPage.choices(standardMessages.getJsonArray("items"),
            shown.form().getLong("standard_message")))
        .put("previews", previews)
        .put("bulk", true);
    return ComposerPage.fields(model, bulk.type(), status, shown.form(), shown.problems(),
        shown.kept(), words);
  }

  /** Counts in words: "12 invoices", "3 customers". */
  private static final class Counts {

    private final String type;
    private final Words words;
    private final Formats formats;

    Counts(String type, Words words) {
      this.type = type;
      this.words = words;
      this.formats = new Formats(words.locale(), "UTC");
    }

    String of(long count) {
      return formats.count(count);
    }

    String cases(long count) {
      return words.get("count." + type, count, of(count));
    }

    /**
     * "12 invoices of 3 customers; 9 get an email, 3 are portal-only" (customers are not
     * counted twice: "51 customers").
     */
    JsonObject summary(JsonObject summary) {
      long customers = summary.getLong("customers");
      long portalOnly = summary.getLong("portal_only");
      var cases = cases(summary.getLong("total"));
      return new JsonObject()
          .put("cases", cases)
          .put("selection", "customer".equals(type) ? cases : words.get("bulk.of", cases,
              words.get("count.customer", customers, of(customers))))
          .put("emailed", words.get("bulk.emailed", summary.getLong("emailed"),
              of(summary.getLong("emailed"))))
          .put("portalOnly", portalOnly == 0 ? null
              : words.get("bulk.portal_only_count", portalOnly, of(portalOnly)))
          .put("several", customers < summary.getLong("total"));
    }
  }

  /** The first cases' previews, {@code [{label, preview}]}; none without a draft. */
  private Future<JsonArray> previews(RoutingContext ctx, BulkForm bulk, MessageDraft draft,
      JsonArray kept) {
    if (draft == null) {
      return Future.succeededFuture(new JsonArray());
    }
    var user = StaffSession.current(ctx);
    return sender.previews(bulk.chosen(user.administrationId()), user.id(), draft)
        .map(previews -> views(previews, kept, user.words()))
        .recover(failure -> ComposerPage.previewRefused(failure)
            .map(problem -> new JsonArray().add(new JsonObject().put("preview", problem))));
  }

  private static JsonArray views(List<Preview> previews, JsonArray kept, Words words) {
    var views = new JsonArray();
    previews.forEach(preview -> views.add(new JsonObject()
        .put("label", label(preview.found(), words))
        .put("preview", ComposerPage.previewOf(preview.written(), kept))));
    return views;
  }

  private static String label(JsonObject found, Words words) {
    var item = found.getJsonObject("case");
    var customer = found.getJsonObject("customer").getString("name");
    return switch (found.getString("type")) {
      case "invoice" -> words.get("case.invoice_title", item.getString("number")) + " · "
          + customer;
      case "matter" -> words.get("case.matter_title", item.getString("reference")) + " · "
          + customer;
      default -> customer + " (" + item.getString("number") + ")";
    };
  }
}
