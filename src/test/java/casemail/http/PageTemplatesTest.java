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

    assertThat(templates.sourceAt("common/layout"))
        .isSameAs(templates.sourceAt("common/layout"));
    assertThat(handlebars.compile("common/layout"))
        .isSameAs(handlebars.compile("common/layout"));
  }

  @Test
  void templatesAreReadFromTheClassPathAsUtf8() throws Exception {
    var source = new PageTemplates().sourceAt("common/layout");

    assertThat(source.filename()).isEqualTo("/templates/common/layout.hbs");
    assertThat(source.content(StandardCharsets.UTF_8)).contains("·");
  }
}
