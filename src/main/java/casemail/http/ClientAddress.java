package casemail.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The address a request came from, for throttling sign-ins: the connection's peer, or — only
 * when {@code CASEMAIL_TRUST_FORWARDED_FOR} says a proxy in front sets the header — the last
 * address in {@code X-Forwarded-For}, the one that proxy saw. Earlier entries are whatever
 * the client wrote, so they are never used.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String of(RoutingContext ctx, boolean trustForwardedFor) {
    var forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
      var last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
      if (!last.isEmpty()) {
        return last;
      }
    }
    var peer = ctx.request().remoteAddress();
    return peer == null ? "unknown" : peer.hostAddress();
  }
}
