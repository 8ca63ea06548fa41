package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The brand home page in a real headless browser: Debian's Chromium and ChromeDriver, installed by
 * src/test/install-debian.sh (Selenium never downloads a browser or a driver here).
 */
class BrandHomeBrowserIT {

  private static ChromeDriver browser;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = Browsers.chromium();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void opensTheBrandHomePageAndFollowsTheLinkToTheNetwork() {
    browser.get(Http.baseUrl() + "/");
    assertThat(browser.getTitle()).isEqualTo("Parvis — Accueil");

    browser.findElement(By.linkText("Rejoindre le réseau citoyen")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/reseau/");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Agissez pour votre commune et pour le pays");
  }

  @Test
  void switchesToEnglishWithTheLanguageLink() {
    browser.manage().deleteAllCookies();
    browser.get(Http.baseUrl() + "/");
    browser.findElement(By.cssSelector(".language a")).click();
    assertThat(browser.getTitle()).isEqualTo("Parvis — Home");
    browser.manage().deleteAllCookies();
  }
}
