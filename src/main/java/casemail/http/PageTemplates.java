package casemail.http;

import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page templates under {@code templates/} on the class path, each looked up once.
 * Handlebars asks its loader for a partial every time the partial is applied — for every entry
 * of a 1,000-entry timeline — and its template cache finds the parsed partial by that source.
 * So each source is made once and kept: a lookup is a map read, and the cache always hits.
 * (Vert.x's own loader made a new source, without {@code equals}, for every lookup: each
 * partial was read from the jar and parsed again on the event loop, and the cache grew with
 * every page shown.)
 */
final class PageTemplates implements TemplateLoader {

  private final TemplateLoader classPath = new ClassPathTemplateLoader("/templates", ".hbs");
  private final Map<String, TemplateSource> sources = new ConcurrentHashMap<>();

  PageTemplates() {
    classPath.setCharset(StandardCharsets.UTF_8);
  }

  @Override
  public TemplateSource sourceAt(String location) throws IOException {
    var source = sources.get(location);
    if (source == null) {
      source = classPath.sourceAt(location);
      sources.put(location, source);
    }
    return source;
  }

  @Override
  public String resolve(String location) {
    return classPath.resolve(location);
  }

  @Override
  public String getPrefix() {
    return classPath.getPrefix();
  }

  @Override
  public String getSuffix() {
    return classPath.getSuffix();
  }

  @Override
  public void setPrefix(String prefix) {
    throw new UnsupportedOperationException("Page templates live under templates/");
  }

  @Override
  public void setSuffix(String suffix) {
    throw new UnsupportedOperationException("Page templates end in .hbs");
  }

  @Override
  public void setCharset(Charset charset) {
    throw new UnsupportedOperationException("Page templates are UTF-8");
  }

  @Override
  public Charset getCharset() {
    return classPath.getCharset();
  }
}
