package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every staff word a template or the Java code asks for exists: a key missing from the
 * bundle would fail only when that page is shown. Reads the sources, so a new
 * {@code {{t "…"}}}, {@code {{word "…" value}}} or key literal is checked without a list here.
 */
class StaffWordsUsedTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path JAVA = Path.of("src/main/java/casemail");
  private static final Pattern T = Pattern.compile("[{(]t \"([^\"]+)\"");
  private static final Pattern WORD = Pattern.compile("\\{\\{word \"([^\"]+)\"");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z_]+\\.[a-z_.]+)\"");

  @Test
  void everyKeyOfATemplateExists() throws IOException {
    var keys = keys();
    var used = matches(files(TEMPLATES, ".hbs"), T);

    assertThat(used).isNotEmpty();
    assertThat(keys).containsAll(used);
  }

  @Test
  void everyPrefixOfAWordExists() throws IOException {
    var prefixes = keys().stream().map(key -> key.substring(0, key.lastIndexOf('.')))
        .collect(Collectors.toSet());
    var used = matches(files(TEMPLATES, ".hbs"), WORD);

    assertThat(used).contains("delivery", "status");
    assertThat(prefixes).containsAll(used);
  }

  @Test
  void everyKeyTheJavaCodeNamesExists() throws IOException {
    var keys = keys();
    var sections = keys.stream().map(key -> key.substring(0, key.indexOf('.')))
        .collect(Collectors.toSet());
    // Literals such as "problem.subject_empty": those whose first part is a section of the
    // staff words are keys (or, ending in a dot, prefixes of keys).
    // The portal and the email have their own words (i18n/words_*), with keys of the same form.
    var staffSources = files(JAVA, ".java")
        .filter(file -> !file.toString().contains("/portal/") && !file.toString()
            .contains("/mail/"));
    var used = matches(staffSources, LITERAL).stream()
        .filter(literal -> sections.contains(literal.substring(0, literal.indexOf('.'))))
        .filter(literal -> !literal.startsWith("case.") || literal.contains("title"))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(used).contains("problem.subject_empty", "profile.title");
    for (var literal : used) {
      assertThat(keys.stream().anyMatch(key -> key.equals(literal)
          || literal.endsWith(".") && key.startsWith(literal))).as(literal).isTrue();
    }
  }

  private static Set<String> keys() throws IOException {
    var properties = new Properties();
    try (var in = StaffWordsUsedTest.class.getResourceAsStream("/i18n/staff_en.properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties.stringPropertyNames();
  }

  private static Set<String> matches(Stream<Path> files, Pattern pattern) {
    var found = new TreeSet<String>();
    files.forEach(file -> {
      var matcher = pattern.matcher(read(file));
      while (matcher.find()) {
        found.add(matcher.group(1));
      }
    });
    return found;
  }

  private static Stream<Path> files(Path root, String extension) throws IOException {
    try (var walk = Files.walk(root)) {
      return walk.filter(file -> file.toString().endsWith(extension)).toList().stream();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
