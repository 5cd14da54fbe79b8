package app.escalate.bot.sandbox;

import app.escalate.bot.EscalateApp;
import app.escalate.config.BotSettings;
import app.escalate.config.PolicyLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sandbox (the real bot, no Slack credentials) and its page in headless Chromium at a given
 * window size, with the few moves a person makes: choose who they are, pick a channel, type a
 * command, read what the page shows. Every read waits for the page, which redraws each second.
 */
final class SandboxPage implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final EscalateApp app;
    final WebDriver browser;
    final WebDriverWait wait;

    SandboxPage(int width, int height) throws Exception {
        Path data = Files.createTempDirectory("escalate-sandbox");
        BotSettings settings = BotSettings.fromEnv(Map.of("PORT", "0", "DATABASE_URL", "jdbc:h2:file:" + data.resolve("escalate")));
        app = EscalateApp.startSandbox(settings, PolicyLoader.builtIn(), new SandboxClock());
        WebDriver started = null;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            started = new ChromeDriver(service, options);
        } finally {
            if (started == null) app.close();
        }
        browser = started;
        wait = new WebDriverWait(browser, WAIT);
        // The page redraws what changed every second, so an element found a moment ago may be gone: look again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** The page, as {@code person} (a people id such as U0ESCMARIA), once its channels are listed. */
    SandboxPage open(String person) {
        browser.get("http://127.0.0.1:" + app.port() + "/");
        wait.until(d -> d.findElements(By.cssSelector("#channels li")).size() >= 2);
        new Select(browser.findElement(By.id("who"))).selectByValue(person);
        return this;
    }

    /** Types {@code text} in the composer and presses Send. */
    void send(String text) {
        WebElement composer = browser.findElement(By.id("text"));
        composer.clear();
        composer.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    /** Picks the channel whose sidebar entry contains {@code name}, opening the sidebar first on a narrow screen. */
    void switchTo(String name) {
        List<WebElement> drawer = browser.findElements(By.id("drawer-button"));
        if (!drawer.isEmpty() && drawer.get(0).isDisplayed()) drawer.get(0).click();
        wait.until(d -> click(channelEntry(name)));
        until(p -> p.browser.findElements(By.cssSelector("#channels li.selected")).stream().anyMatch(li -> li.getText().contains(name)),
                "the channel " + name + " is the one shown");
    }

    WebElement channelEntry(String name) {
        return browser.findElements(By.cssSelector("#channels li")).stream().filter(li -> li.getText().contains(name)).findFirst().orElse(null);
    }

    String messages() {
        return browser.findElement(By.id("messages")).getText();
    }

    void until(Predicate<SandboxPage> shown, String what) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + "; the page shows " + browser.findElement(By.id("channel-name")).getText() + ":\n" + messages())
                .until(d -> shown.test(this));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** What the page looks like now, saved as target/sandbox-{name}.png for a person to look at. */
    void screenshot(String name) throws java.io.IOException {
        Path shot = Path.of("target", "sandbox-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Clicks when there is something to click; a null result makes a wait try again. */
    static Boolean click(WebElement element) {
        if (element == null) return null;
        element.click();
        return true;
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            app.close();
        }
    }
}
