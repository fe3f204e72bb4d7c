package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Page templates are read and parsed once, however often a page or partial is applied. */
class PageTemplatesTest {

  @Test
  void aTemplateLookedUpAgainIsTheSameSourceAndTheCacheHits() throws Exception {
    var templates = new PageTemplates();
    var handlebars = new Handlebars(templates).with(new ConcurrentMapTemplateCache());

    assertThat(templates.sourceAt("staff/open-signals"))
        .isSameAs(templates.sourceAt("staff/open-signals"));
    assertThat(handlebars.compile("staff/open-signals"))
        .isSameAs(handlebars.compile("staff/open-signals"));
  }

  @Test
  void templatesAreReadFromTheClassPathAsUtf8() throws Exception {
    var source = new PageTemplates().sourceAt("staff/open-signals");

    assertThat(source.filename()).isEqualTo("/templates/staff/open-signals.hbs");
    assertThat(source.content(StandardCharsets.UTF_8)).contains("×");
  }
}
