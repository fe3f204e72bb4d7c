package casemail.message;

import com.github.jknack.handlebars.Decorator;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.HelperRegistry;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * A helper registry that holds nothing and accepts nothing: with it, no helper, block helper
 * or decorator exists for a user-written template to call.
 */
final class NoHelpers implements HelperRegistry {

  @Override
  public <C> Helper<C> helper(String name) {
    return null;
  }

  @Override
  public Set<Map.Entry<String, Helper<?>>> helpers() {
    return Set.of();
  }

  @Override
  public <H> HelperRegistry registerHelper(String name, Helper<H> helper) {
    throw refused();
  }

  @Override
  public <H> HelperRegistry registerHelperMissing(Helper<H> helper) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(Object helperSource) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(Class<?> helperSource) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(URI location) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(java.io.File input) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(String filename, Reader source) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(String filename, InputStream source) {
    throw refused();
  }

  @Override
  public HelperRegistry registerHelpers(String filename, String source) {
    throw refused();
  }

  @Override
  public Decorator decorator(String name) {
    return null;
  }

  @Override
  public HelperRegistry registerDecorator(String name, Decorator decorator) {
    throw refused();
  }

  @Override
  public HelperRegistry setCharset(Charset charset) {
    return this;
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("User-written templates have no helpers");
  }
}
