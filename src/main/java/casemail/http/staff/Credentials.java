package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.security.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staff user's password, checked against its stored hash and changed — hashing always off
 * the event loop. Used by sign-in and by the profile's password change.
 */
final class Credentials {

  private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);
  /** Verified against when the email is unknown, so both cases take the same time. */
  private static final String DUMMY_HASH = PasswordHasher.hash("no such user");

  private final Vertx vertx;
  private final Bus bus;

  Credentials(Vertx vertx, Bus bus) {
    this.vertx = vertx;
    this.bus = bus;
  }

  /**
   * The user without its hash if the email and password match, else null; a hash made with
   * older parameters is replaced.
   */
  Future<JsonObject> check(String email, String password) {
    return findUser(email).compose(user -> verify(password, user));
  }

  /** Stores a new password for the user with that login email. */
  Future<Void> change(String email, String password) {
    return vertx.executeBlocking(() -> PasswordHasher.hash(password), false)
        .compose(hash -> store(email, hash))
        .mapEmpty();
  }

  private Future<JsonObject> findUser(String email) {
    if (email == null || email.isBlank()) {
      return Future.succeededFuture(null);
    }
    return bus.request(Addresses.USER_FIND, new JsonObject().put("email", email))
        .recover(failure -> Future.succeededFuture(null));
  }

  private Future<JsonObject> verify(String password, JsonObject user) {
    var hash = user == null ? DUMMY_HASH : user.getString("password_hash");
    return vertx.executeBlocking(() -> {
      var matches = password != null && PasswordHasher.verify(password, hash);
      if (!matches || user == null) {
        return null;
      }
      if (PasswordHasher.needsRehash(hash)) {
        store(user.getString("email"), PasswordHasher.hash(password))
            .onFailure(failure -> LOG.warn("Password hash not upgraded: {}",
                failure.getMessage()));
      }
      var signedIn = user.copy();
      signedIn.remove("password_hash");
      return signedIn;
    }, false);
  }

  private Future<JsonObject> store(String email, String hash) {
    return bus.request(Addresses.USER_SET_PASSWORD,
        new JsonObject().put("email", email).put("password_hash", hash));
  }
}
