package casemail.message;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The placeholders users may write in a subject or text ({@code {{customer.name}}} …), which
 * case types each applies to, and the checking and filling of user-written templates.
 *
 * <p>A template is parsed and its tags walked: only plain placeholders of the documented list,
 * fitting the case type, pass — no sections, partials, helpers or triple braces. Filling uses a
 * Handlebars instance of its own that can reach nothing else: no helpers, a partial loader that
 * refuses everything, a context made only of maps of strings read by {@link MapValueResolver},
 * and no escaping (the result is plain text; {@link PlainText#toHtml} escapes it later).
 */
public final class Placeholders {

  private static final Set<String> ALL = Set.of("customer", "invoice", "matter");
  private static final Map<String, Set<String>> APPLIES = applies();
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");
  private static final Pattern PARTIAL_OR_DELIMITERS = Pattern.compile("\\{\\{~?\\s*#?[>=]");
  /** Comments, white-space control and escaped braces: they would silently drop text. */
  private static final Pattern HIDING = Pattern.compile("\\{\\{~?\\s*!|\\{\\{~|~}}|\\\\\\{\\{");
  private static final Handlebars PARSER = new Handlebars(new NoPartials());
  private static final Handlebars FILLER = new Handlebars(new NoPartials())
      .with(EscapingStrategy.NOOP)
      .with(new NoHelpers());

  private Placeholders() {
  }

  private static Map<String, Set<String>> applies() {
    var applies = new LinkedHashMap<String, Set<String>>();
    for (var name : List.of("customer.name", "customer.number", "contact.name")) {
      applies.put(name, ALL);
    }
    for (var name : List.of("invoice.number", "invoice.amount", "invoice.open_amount",
        "invoice.due_date")) {
      applies.put(name, Set.of("invoice"));
    }
    applies.put("matter.reference", Set.of("matter"));
    applies.put("matter.total", Set.of("matter"));
    for (var name : List.of("user.name", "administration.name", "portal.link")) {
      applies.put(name, ALL);
    }
    return applies;
  }

  /** The placeholders usable on this case type (null: on any case), in documented order. */
  public static List<String> names(String caseType) {
    return APPLIES.entrySet().stream()
        .filter(entry -> fits(entry.getValue(), caseType))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * What is wrong with a template for this case type, or empty if nothing. A null case type
   * means the template must fit every kind of case.
   */
  public static Optional<String> problem(String template, String caseType) {
    return problem(template, name -> unfit(name, caseType));
  }

  /**
   * The template with its placeholders filled from {@code values} ({@code "customer.name" →
   * "Smit"}). A template with anything but known placeholders is refused, not filled.
   */
  public static String fill(String template, Map<String, String> values) {
    return compile(template).fill(values);
  }

  /**
   * The template checked and compiled once, to be filled for many cases (a batch). A template
   * with anything but known placeholders is refused.
   */
  public static Filler compile(String template) {
    if (template == null || !template.contains("{{")) {
      return values -> template;
    }
    if (problem(template, name -> APPLIES.containsKey(name) ? null : "unknown").isPresent()) {
      throw new IllegalArgumentException("Only placeholders are filled; check templates first");
    }
    try {
      var compiled = FILLER.compileInline(template);
      return values -> apply(compiled, values);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("The template could not be read", e);
    }
  }

  /** A compiled template: fills its placeholders from the values of one case. */
  @FunctionalInterface
  public interface Filler {

    String fill(Map<String, String> values);
  }

  private static String apply(Template compiled, Map<String, String> values) {
    var context = Context.newBuilder(nested(values))
        .resolver(new ValueResolver[] {MapValueResolver.INSTANCE})
        .build();
    try {
      return compiled.apply(context);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("The template could not be filled", e);
    } finally {
      context.destroy();
    }
  }

  /** The first problem of the template; {@code unfit} judges each placeholder's name. */
  private static Optional<String> problem(String template, Function<String, String> unfit) {
    if (template == null || !template.contains("{{")) {
      return Optional.empty();
    }
    Template parsed;
    try {
      parsed = PARSER.compileInline(template);
    } catch (HandlebarsException | IOException e) {
      return Optional.of("The placeholders cannot be read: " + reason(e)
          + ". Write them as {{customer.name}}");
    }
    if (HIDING.matcher(template).find()) {
      return Optional.of("Only placeholders such as {{customer.name}} can be used; comments "
          + "({{! …}}), {{~ …~}} and \\{{ are not available");
    }
    if (PARTIAL_OR_DELIMITERS.matcher(template).find()) {
      return Optional.of("Only placeholders such as {{customer.name}} can be used; "
          + "partials ({{> …}}) are not available");
    }
    return firstOf(parsed.collect(TagType.SECTION, TagType.START_SECTION),
            name -> "{{#" + name + "}} is not available: only placeholders such as "
                + "{{customer.name}} can be used, no sections or helpers")
        .or(() -> firstOf(parsed.collect(TagType.TRIPLE_VAR, TagType.AMP_VAR, TagType.STAR_VAR,
            TagType.SUB_EXPRESSION), name -> "Write placeholders with two braces: {{"
                + name + "}}"))
        .or(() -> firstOf(parsed.collectReferenceParameters(),
            name -> "Helpers are not available: a placeholder takes no arguments (" + name + ")"))
        .or(() -> firstOf(parsed.collect(TagType.VAR), unfit));
  }

  private static String unfit(String name, String caseType) {
    var applies = APPLIES.get(name);
    if (applies == null) {
      return "Unknown placeholder {{" + name + "}}. Available: " + String.join(", ",
          names(caseType).stream().map(known -> "{{" + known + "}}").toList());
    }
    if (fits(applies, caseType)) {
      return null;
    }
    var only = applies.iterator().next();
    return caseType == null
        ? "{{" + name + "}} only fits " + only + " cases; choose that case type for it"
        : "{{" + name + "}} cannot be used on " + article(caseType) + " " + caseType
            + ": it only fits " + only + " cases";
  }

  private static String article(String caseType) {
    return "invoice".equals(caseType) ? "an" : "a";
  }

  private static boolean fits(Set<String> applies, String caseType) {
    return caseType == null ? applies.containsAll(ALL) : applies.contains(caseType);
  }

  private static Optional<String> firstOf(List<String> names,
      Function<String, String> problem) {
    return names.stream().map(problem).filter(found -> found != null).findFirst();
  }

  /** {@code "customer.name" → "x"} as {@code {customer: {name: "x"}}}; control chars dropped. */
  private static Map<String, Object> nested(Map<String, String> values) {
    var root = new HashMap<String, Object>();
    values.forEach((name, value) -> {
      var dot = name.indexOf('.');
      @SuppressWarnings("unchecked")
      var group = (Map<String, String>) root.computeIfAbsent(name.substring(0, dot),
          key -> new HashMap<String, String>());
      group.put(name.substring(dot + 1),
          value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip());
    });
    return root;
  }

  private static String reason(Exception e) {
    var message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return message.replaceFirst("^inline@[0-9a-f]+:", "line ").strip();
  }

  /** Partials are never loaded: every name is unknown. */
  private static final class NoPartials extends AbstractTemplateLoader {

    @Override
    public TemplateSource sourceAt(String location) throws IOException {
      throw new FileNotFoundException("Partials are not available in messages");
    }
  }
}
