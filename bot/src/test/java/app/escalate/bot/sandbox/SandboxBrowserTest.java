package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox workspace in headless Chromium: the README's first command with no Slack
 * credentials, used the way a person would, through the page.
 */
class SandboxBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path data;
    private EscalateApp app;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("escalate-sandbox");
        BotSettings settings = BotSettings.fromEnv(Map.of("PORT", "0", "DATABASE_URL", "jdbc:h2:file:" + data.resolve("escalate")));
        assertThat(settings.mode()).isEqualTo(BotSettings.Mode.SANDBOX);
        app = EscalateApp.startSandbox(settings, PolicyLoader.builtIn(), new SandboxClock());
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (app != null) app.close();
    }

    /** Clicks when there is something to click; a null result makes the wait try again. */
    private static Boolean click(WebElement element) {
        if (element == null) return null;
        element.click();
        return true;
    }

    @Test
    void open_a_case_see_its_channel_and_card_acknowledge_it_and_take_a_screenshot() throws Exception {
        browser.get("http://127.0.0.1:" + app.port() + "/");
        // The page redraws what changed every second, so an element found a moment ago may be gone: look again.
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElements(By.cssSelector("#channels li")).size() >= 2);
        new Select(browser.findElement(By.id("who"))).selectByValue("U0ESCMARIA");

        WebElement composer = browser.findElement(By.id("text"));
        composer.sendKeys("/esc open Deepfake of a minister spreading sev1");
        browser.findElement(By.cssSelector("#composer button")).click();

        wait.until(d -> d.findElement(By.id("messages")).getText().contains("Opened ESC-1 (SEV1)"));
        wait.until(d -> click(d.findElements(By.cssSelector("#channels li")).stream()
                .filter(li -> li.getText().contains("esc-1-deepfake-of-a-minister-spreading")).findFirst().orElse(null)));
        wait.until(d -> d.findElement(By.id("messages")).getText().contains("ESC-1 · SEV1 · triage"));

        wait.until(d -> click(d.findElements(By.cssSelector("button[data-action='case_acknowledge']")).stream().findFirst().orElse(null)));
        wait.until(d -> d.findElement(By.id("messages")).getText().contains("@Maria acknowledged"));
        // The pinned card is updated in place: Acknowledge goes, the acknowledgement shows.
        wait.until(d -> d.findElements(By.cssSelector("button[data-action='case_acknowledge']")).isEmpty());

        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", "sandbox-screenshot.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThan(1000);
        assertThat(image.getHeight()).isGreaterThan(700);
        // What the screenshot shows: the case channel with its card.
        assertThat(browser.findElement(By.id("channel-name")).getText()).isEqualTo("#esc-1-deepfake-of-a-minister-spreading");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("ESC-1", "Deepfake of a minister spreading");
    }
}
