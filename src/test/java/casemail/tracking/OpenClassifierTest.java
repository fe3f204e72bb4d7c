package casemail.tracking;

import static casemail.tracking.OpenClassifier.PREFETCH;
import static casemail.tracking.OpenClassifier.SCANNER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenClassifierTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 | mail_client
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 | mail_client
      Microsoft Outlook 16.0.17126; Microsoft Office; Windows NT 10.0 | mail_client
      Thunderbird/115.6.0                                               | mail_client
      Mozilla/5.0                                                       | image_proxy
      '  Mozilla/5.0 '                                                  | image_proxy
      Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy) | image_proxy
      YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html | image_proxy
      Mozilla/5.0 (compatible; Barracuda Sentinel)                      | scanner
      Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | scanner
      python-requests/2.31.0                                            | scanner
      curl/8.5.0                                                        | scanner
      Java-http-client/17.0.9                                           | scanner
      Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36 | scanner
      ''                                                                | scanner
      """)
  void classifiesByUserAgent(String userAgent, String expected) {
    assertThat(OpenClassifier.classify(userAgent, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"prefetch", "Prefetch;prerender", "preview"})
  void aPrefetchHintWinsOverAMailClient(String purpose) {
    var mailClient = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15";

    assertThat(OpenClassifier.classify(mailClient, purpose)).isEqualTo(PREFETCH);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {"none", "prerender-none"})
  void noUserAgentIsAMachine(String purpose) {
    assertThat(OpenClassifier.classify(null, purpose)).isEqualTo(SCANNER);
    assertThat(OpenClassifier.classify("   ", purpose)).isEqualTo(SCANNER);
  }
}
