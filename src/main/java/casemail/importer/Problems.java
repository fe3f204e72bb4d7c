package casemail.importer;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one import run, in the order they are found. */
final class Problems {

  private final List<ImportProblem> errors = new ArrayList<>();
  private final List<ImportProblem> warnings = new ArrayList<>();

  void error(String file, int line, String message) {
    errors.add(new ImportProblem(file, line, message));
  }

  void warning(String file, int line, String message) {
    warnings.add(new ImportProblem(file, line, message));
  }

  List<ImportProblem> errors() {
    return errors;
  }

  List<ImportProblem> warnings() {
    return warnings;
  }
}
