package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A preparer's day on the app's own pages, as unit402001: upload the unit's Qingdao tables on /imports, see the
 * preview with its problem count, confirm and watch it finish; open a project with an ERROR, fix the value in
 * place, save, see the finding go, submit; find the project on /projects at its new step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PreparerPagesBrowserTest {

    static final Set<String> VALUE_RULES = Set.of("value.missing", "value.unit.missing", "value.unparsed",
            "value.rate.range");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    /** The unit's own sheet of the Qingdao workbook (本级, 402001): a unit imports its own tables only. */
    static Path unitWorkbook() throws Exception {
        Path file = Path.of("target", "test-files", "qingdao-2024-402001.xlsx").toAbsolutePath();
        Files.createDirectories(file.getParent());
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/fixtures/qingdao-2024-targets.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            while (wb.getNumberOfSheets() > 1) {
                wb.removeSheetAt(1);
            }
            // The unit's tables are clean; one typing slip a preparer makes (a rate of 930%) gives the file an ERROR.
            // (An inline-string cell keeps its old text when set: it is replaced by a new cell.)
            typo:
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    String text = new DataFormatter().formatCellValue(cell).trim();
                    if (text.matches("\u2265\\s*9\\d\\s*%")) {
                        int column = cell.getColumnIndex();
                        CellStyle style = cell.getCellStyle();
                        row.removeCell(cell);
                        Cell slip = row.createCell(column);
                        slip.setCellStyle(style);
                        slip.setCellValue(text.replace("%", "0%"));
                        break typo;
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    JsonNode dryRun(Path file) throws Exception {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new FileSystemResource(file));
        body.add("year", "2024");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return json.readTree(http.withBasicAuth("unit402001", "demo").postForEntity("/api/imports?dryRun=true",
                new HttpEntity<>(body, h), String.class).getBody());
    }

    JsonNode get(String url) throws Exception {
        return json.readTree(http.withBasicAuth("unit402001", "demo").getForObject(url, String.class));
    }

    /** The page count a PDF's page tree declares. */
    static int pdfPages(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Pages[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) {
            pages = Math.max(pages, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return pages;
    }

    @Test
    void aPreparerImportsFixesAndSubmitsOnThePages() throws Exception {
        Path file = unitWorkbook();
        JsonNode expected = dryRun(file);
        int tables = expected.get("tableCount").asInt();
        int problems = expected.get("problems").size();
        assertThat(tables).isPositive();
        assertThat(problems).as("the slip is reported in the preview").isPositive();

        try (Browser b = Browser.open()) {
            String base = "http://localhost:" + port;
            b.driver.get(base + "/imports");
            b.wait.until(ExpectedConditions.urlContains("/login"));
            b.screenshot("pages-login");
            b.login("unit402001", "demo");
            b.wait.until(ExpectedConditions.urlContains("/imports"));

            b.driver.findElement(By.id("file")).sendKeys(file.toString());
            WebElement year = b.driver.findElement(By.id("year"));
            year.clear();
            year.sendKeys("2024");
            b.click(b.driver.findElement(By.id("preview")));
            WebElement summary = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-summary")));
            b.wait.until(ExpectedConditions.textToBePresentInElement(summary, "张目标表"));
            assertThat(summary.getText()).contains("共 " + tables + " 张目标表").contains("发现 " + problems + " 个问题");
            assertThat(b.driver.findElements(By.cssSelector("#preview-tables tbody tr"))).hasSize(tables);
            assertThat(b.driver.findElements(By.cssSelector("#preview-problems tbody tr"))).hasSize(problems);
            b.screenshot("pages-imports-preview");

            b.click(b.driver.findElement(By.id("confirm")));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "导入完成"));
            assertThat(b.driver.findElement(By.id("progress-text")).getText())
                    .contains(tables + " / " + tables + " 张表");
            assertThat(b.driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo(String.valueOf(tables));
            b.screenshot("pages-imports-done");

            // The same file again warns instead of storing the tables twice.
            b.click(b.driver.findElement(By.id("preview")));
            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm"))));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "未重复导入"));
            assertThat(get("/api/projects?year=2024&size=500").get("totalElements").asInt()).isEqualTo(tables);

            // The project with the ERROR the file brought: only indicator values are wrong. Fix them in place.
            long projectId = 0;
            List<Integer> bad = new ArrayList<>();
            for (JsonNode p : get("/api/projects?year=2024&size=500").get("content")) {
                JsonNode v = get("/api/projects/" + p.get("id").asLong() + "/validation");
                List<Integer> rows = new ArrayList<>();
                boolean onlyValues = v.get("errors").asInt() > 0;
                for (JsonNode f : v.get("findings")) {
                    if (f.get("severity").asText().equals("ERROR")) {
                        onlyValues &= f.hasNonNull("indicatorIndex") && VALUE_RULES.contains(f.get("rule").asText());
                        if (f.hasNonNull("indicatorIndex")) {
                            rows.add(f.get("indicatorIndex").asInt());
                        }
                    }
                }
                if (onlyValues) {
                    projectId = p.get("id").asLong();
                    bad = rows.stream().distinct().toList();
                    break;
                }
            }
            assertThat(projectId).as("the imported table with the wrong rate").isPositive();
            assertThat(bad).hasSize(1);
            b.driver.get(base + "/projects/" + projectId);
            for (int i : bad) {
                WebElement row = b.driver.findElement(By.cssSelector("#indicators tr[data-index='" + i + "']"));
                assertThat(row.getAttribute("class")).contains("has-error");
                assertThat(row.findElement(By.cssSelector("td.value")).getText()).isEqualTo("≥930%");
                assertThat(row.findElement(By.cssSelector("td.findings-col")).getText()).contains("0–100%");
            }
            assertThat(b.driver.findElement(By.id("error-count")).getText()).isEqualTo("1");
            b.screenshot("pages-project-with-error");

            b.click(b.driver.findElement(By.id("edit")));
            for (int i : bad) {
                WebElement value = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#editor-rows tr[data-index='" + i + "'] input[data-key=value]")));
                value.clear();
                value.sendKeys("≥93%");
            }
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "检查完成：0 个错误"));
            for (int i : bad) {
                assertThat(b.driver.findElements(By.cssSelector("#editor-rows tr[data-index='" + i + "'] li.error")))
                        .isEmpty();
            }
            b.screenshot("pages-project-editing");
            b.click(b.driver.findElement(By.id("save")));
            b.wait.until(ExpectedConditions.textToBe(By.id("error-count"), "0"));
            for (int i : bad) {
                WebElement row = b.driver.findElement(By.cssSelector("#indicators tr[data-index='" + i + "']"));
                assertThat(row.getAttribute("class")).doesNotContain("has-error");
                assertThat(row.findElement(By.cssSelector("td.value")).getText()).isEqualTo("≥93%");
            }
            b.screenshot("pages-project-fixed");
            // The 目标表 prints as one A4-landscape page, without navigation, actions or history.
            PrintOptions print = new PrintOptions();
            print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
            print.setPageSize(new PageSize(29.7, 21.0));
            byte[] pdf = java.util.Base64.getDecoder().decode(b.driver.print(print).getContent());
            Files.write(Path.of("target", "screenshots", "pages-project-print.pdf"), pdf);
            assertThat(pdfPages(pdf)).isEqualTo(1);

            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(By.id("submit"))));
            b.wait.until(ExpectedConditions.textToBe(By.id("step"), "部门审核"));
            assertThat(b.driver.findElement(By.id("status")).getText()).isEqualTo("审核中");
            assertThat(b.driver.findElement(By.id("history")).getText()).contains("提交").contains("unit402001");
            b.screenshot("pages-project-submitted");

            b.driver.get(base + "/projects?year=2024");
            WebElement row = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#projects tr[data-project-id='" + projectId + "']")));
            assertThat(row.findElement(By.cssSelector("td.step")).getText()).isEqualTo("部门审核");
            assertThat(b.driver.findElement(By.id("total")).getText()).isEqualTo(String.valueOf(tables));
            b.screenshot("pages-projects");

            b.driver.get(base + "/");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("todo")));
            // 编制 tasks of the other imported drafts are the unit's todo, each linked into Tasklist.
            assertThat(b.driver.findElements(By.cssSelector("#todo tbody tr"))).hasSize(tables - 1);
            assertThat(b.driver.findElement(By.cssSelector("#todo tbody a[href*='/camunda/app/tasklist/default/#/?task=']")))
                    .isNotNull();
            b.screenshot("pages-home");
        }
    }
}
