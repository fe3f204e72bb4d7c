package casemail.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Header values encoded by Jakarta Mail rather than by hand: display names and subjects as
 * RFC 2047 encoded words, folded at 76 columns. Control characters never reach a header, so
 * no input can add one.
 */
final class MailHeaders {

  private MailHeaders() {
  }

  static String subject(String subject) {
    return fold("Subject", encode(clean(subject)));
  }

  /** {@code "Display Name" <address>}, the name quoted or encoded as it needs. */
  static String address(String name, String address) {
    try {
      var value = new InternetAddress(address, clean(name), "UTF-8").toString();
      return fold("From", value);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  static String addresses(List<String> addresses) {
    return fold("To", addresses.stream().collect(Collectors.joining(", ")));
  }

  /** Replaces CR, LF and other control characters with spaces. */
  static String clean(String value) {
    return value == null ? "" : value.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  /**
   * Encoded as RFC 2047 needs: words outside ASCII, and all of it when it holds what a mail
   * client would take for an encoded word ({@code =?}), so that it shows as typed.
   */
  private static String encode(String text) {
    if (text.contains("=?") && StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      return encodedWords(text);
    }
    try {
      return MimeUtility.encodeText(text, "UTF-8", "Q");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /**
   * ASCII text as encoded words, which the library only makes of text outside ASCII: 45
   * characters a word keep each within the 75 that RFC 2047 allows.
   */
  private static String encodedWords(String ascii) {
    var words = new ArrayList<String>();
    for (int start = 0; start < ascii.length(); start += 45) {
      var chunk = ascii.substring(start, Math.min(ascii.length(), start + 45));
      words.add("=?UTF-8?B?" + Base64.getEncoder().encodeToString(
          chunk.getBytes(StandardCharsets.US_ASCII)) + "?=");
    }
    return String.join(" ", words);
  }

  /**
   * Folds with CRLF and a space, as RFC 5322 wants: the mail client writes a header's value
   * as given (a bare LF there reaches the server as a bare LF, which servers may refuse).
   */
  private static String fold(String header, String value) {
    return MimeUtility.fold(header.length() + 2, value);
  }
}
