package casemail.importer;

import java.io.IOException;
import java.io.InputStream;

/** Where the import files come from: a directory, the classpath, an upload. */
@FunctionalInterface
public interface CsvSource {

  /** Opens the named file; null if the file does not exist. */
  InputStream open(String fileName) throws IOException;
}
