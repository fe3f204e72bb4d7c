package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Pages;
import casemail.http.StaffSession;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the administration's unread replies for the badge in every staff page's top bar. A
 * page still renders, without the badge, if the count cannot be had.
 */
public final class InboxBadge implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(InboxBadge.class);

  private final Bus bus;

  public InboxBadge(Bus bus) {
    this.bus = bus;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var user = StaffSession.user(ctx);
    if (user.isEmpty()) {
      ctx.next();
      return;
    }
    var request = new JsonObject().put("administration_id", user.get().administrationId());
    bus.request(Addresses.INBOX_UNREAD, request)
        .onSuccess(count -> ctx.put(Pages.UNREAD_REPLIES, count.getLong("unread")))
        .onFailure(failure -> LOG.debug("No unread count: {}", failure.getMessage()))
        .onComplete(ignored -> ctx.next());
  }
}
