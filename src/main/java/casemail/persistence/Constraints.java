package casemail.persistence;

import io.vertx.pgclient.PgException;

/** PostgreSQL's refusals of a write, as the repositories turn them into answers. */
final class Constraints {

  private static final String UNIQUE_VIOLATION = "23505";

  private Constraints() {
  }

  /** Whether a write was refused because a unique key was taken. */
  static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** Whether a write was refused because the key of that constraint was taken. */
  static boolean isUniqueViolation(Throwable failure, String constraint) {
    return isUniqueViolation(failure) && constraint.equals(((PgException) failure).getConstraint());
  }
}
