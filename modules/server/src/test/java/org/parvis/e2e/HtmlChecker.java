package org.parvis.e2e;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu), in process, with its HTML schema and
 * entities from its own jar: the errors of one page, each with its line. Warnings and notes are not
 * errors.
 */
final class HtmlChecker {

  private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private final List<String> errors = new ArrayList<>();
  private final SimpleDocumentValidator validator;

  HtmlChecker() {
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    try {
      validator = new SimpleDocumentValidator(true, false, false);
      validator.setUpMainSchema(HTML_SCHEMA, collect);
      validator.setUpValidatorAndParsers(collect, true, false);
    } catch (Exception e) {
      throw new IllegalStateException("the Nu HTML Checker did not start", e);
    }
  }

  /** The errors of one page's HTML (empty when valid). */
  synchronized List<String> errors(String html) {
    errors.clear();
    try {
      var source = new InputSource(new StringReader(html));
      source.setEncoding("UTF-8");
      validator.checkHtmlInputSource(source);
    } catch (Exception e) {
      errors.add("not checked: " + e);
    }
    return List.copyOf(errors);
  }
}
