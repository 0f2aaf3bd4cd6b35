package org.openperf.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.departments.DepartmentTargets;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.Caller;
import org.openperf.kernel.RejectedFileException;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectDraftCreated;
import org.openperf.targets.ProjectImportedApproved;
import org.openperf.targets.ProjectRepository;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.ProjectView;
import org.openperf.kernel.Scope;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;
import org.openperf.validation.LastYear;
import org.openperf.validation.ValidationService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports target tables from an uploaded file. A file with a table that cannot be read as a table is refused
 * whole; otherwise every table becomes a draft project in one transaction (or, imported as approved, an approved
 * one), and business-rule problems are reported as the validation findings of those tables.
 */
@Service
public class ImportService {

    private final ValidationService validation;
    private final ProjectRepository projects;
    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final ImportBatchRepository batches;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final DepartmentTargets departmentTargets;
    private final DisplayTimes times;

    /**
     * Stored tables are written out and let go of every this many: every query in the transaction (each lifecycle
     * start makes a few) dirty-checks every entity the persistence context holds, which made a file of n tables
     * cost n² (docs/performance.md).
     */
    static final int FLUSH_EVERY = 50;

    @PersistenceContext
    private EntityManager entityManager;

    public ImportService(ValidationService validation, ProjectRepository projects,
                         UnitRepository units, DepartmentRepository departments, ImportBatchRepository batches,
                         TransactionTemplate tx, ObjectMapper json, ApplicationEventPublisher events,
                         DepartmentTargets departmentTargets, DisplayTimes times) {
        this.times = times;
        this.events = events;
        this.departmentTargets = departmentTargets;
        this.validation = validation;
        this.projects = projects;
        this.units = units;
        this.departments = departments;
        this.batches = batches;
        this.tx = tx;
        this.json = json;
    }

    /**
     * @param departmentCode the importing department, for units the file names without a code or 主管部门
     * @param user           who imports, recorded on the batch
     * @param scope          whose tables the caller may store: a unit imports its own, a department its units'
     */
    public ImportResult importFile(byte[] content, String fileName, int year, boolean dryRun, String departmentCode,
                                   String user, Scope scope) {
        return importFile(content, fileName, year, dryRun, departmentCode, user, scope, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} after each stored table (for the import page's progress bar). */
    public ImportResult importFile(byte[] content, String fileName, int year, boolean dryRun, String departmentCode,
                                   String user, Scope scope, ImportProgress progress) {
        return importFile(content, fileName, year, dryRun, departmentCode, user, scope, false, progress);
    }

    /**
     * 补录已批复目标 when {@code approved}: every table becomes approved version 1 at once, its findings recorded but
     * not blocking, the file kept as the evidence. Only finance and administrators may: decided on the caller's
     * groups, whatever else the request says.
     */
    public ImportResult importFile(byte[] content, String fileName, int year, boolean dryRun, String departmentCode,
                                   Caller caller, boolean approved, ImportProgress progress) {
        if (approved) {
            mayImportApproved(caller);
        }
        return importFile(content, fileName, year, dryRun, departmentCode, caller.userId(), caller.scope(), approved,
                progress);
    }

    /** Finance approves targets; an administrator may load them for finance. Anyone else is refused (403). */
    public static void mayImportApproved(Caller caller) {
        if (!caller.isFinance() && !caller.isAdmin()) {
            throw new ForbiddenException("按已批复导入（补录已批复目标）仅限财政部门和系统管理员");
        }
    }

    private ImportResult importFile(byte[] content, String fileName, int year, boolean dryRun, String departmentCode,
                                    String user, Scope scope, boolean approved, ImportProgress progress) {
        if (content == null || content.length == 0) {
            throw new RejectedFileException("上传的文件为空");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("预算年度 " + year + " 不在 2000–2100 之间");
        }
        String sha = sha256(content);
        boolean[] foreignEarlier = {false};
        ImportResult known = dryRun ? null : earlierImport(sha, year, user, scope, approved, foreignEarlier);
        if (known != null) {
            return known;
        }
        // Someone else's import of the same file (or none): this upload is read and checked as a new one, so the
        // caller learns nothing but what their own file and their own scope say.
        ReadResult read = read(content, fileName, year);
        checkDepartment(read, departmentCode);
        if (foreignEarlier[0]) {
            // Checked as a trial first, so tables outside the caller's scope are refused as in any import.
            tx.execute(status -> {
                status.setRollbackOnly();
                return store(read, null, year, departmentCode, false, scope, ImportProgress.NONE, approved);
            });
            // The file is within the caller's scope, yet stored by an import they may not see (its projects have
            // since moved, or been deleted): refused without naming it, since the file cannot be stored twice.
            throw new RejectedFileException("该文件本年度已由其他用户导入，未重复导入；如需导入，请联系主管部门或财政部门");
        }
        if (dryRun) {
            return tx.execute(status -> {
                status.setRollbackOnly();
                return store(read, null, year, departmentCode, false, scope, ImportProgress.NONE, approved);
            });
        }
        try {
            return tx.execute(status -> {
                ImportBatch batch = batches.save(new ImportBatch(safeName(fileName), sha, year, user, content,
                        approved));
                return store(read, batch, year, departmentCode, true, scope, progress, approved);
            });
        } catch (DataIntegrityViolationException e) {
            // Another request (or node) stored the same file a moment ago: the unique index tells us.
            boolean[] foreign = {false};
            ImportResult other = earlierImport(sha, year, user, scope, approved, foreign);
            if (other == null) {
                if (foreign[0]) {
                    throw new RejectedFileException("该文件本年度已由其他用户导入，未重复导入；如需导入，请联系主管部门或财政部门");
                }
                throw e;
            }
            return other;
        }
    }

    /**
     * The file was imported as drafts before: answering "already imported" would let finance believe its tables
     * are approved while they wait in 编制. Refused with what to do instead.
     */
    private void refuseDraftsAsApproved(ImportBatch earlier, boolean approved) {
        if (approved && !earlier.isApproved()) {
            throw new RejectedFileException("该文件已于 "
                    + times.text(earlier.getCreatedAt()) + " 导入为草稿（导入批次 "
                    + earlier.getId() + "，" + earlier.getTableCount() + " 张目标表），不能再按已批复导入；"
                    + "请删除这些草稿后重新按已批复导入，或在审批流程中批复它们");
        }
    }

    /**
     * The answer for an earlier import of the same file and year that the caller may know about, else null; sets
     * {@code foreign[0]} when there is one they may not know about.
     */
    private ImportResult earlierImport(String sha, int year, String user, Scope scope, boolean approved,
                                       boolean[] foreign) {
        return tx.execute(status -> {
            var earlier = batches.findFirstBySha256AndYear(sha, year);
            if (earlier.isEmpty()) {
                return null;
            }
            List<Project> made = projects.findByImportIdOrderByIdAsc(earlier.get().getId());
            if (mayKnow(earlier.get(), made, user, scope)) {
                refuseDraftsAsApproved(earlier.get(), approved);
                return alreadyImported(earlier.get(), made);
            }
            foreign[0] = true;
            return null;
        });
    }

    /**
     * Whether the caller may be told about an earlier import of the same file: it is their own, or every project it
     * made is one they may see. Otherwise its projects (names, budgets, units of other departments) stay unknown.
     */
    private static boolean mayKnow(ImportBatch earlier, List<Project> made, String user, Scope scope) {
        if (scope.all() || (user != null && user.equals(earlier.getCreatedBy()))) {
            return true;
        }
        return !made.isEmpty() && made.stream().allMatch(p -> p.within(scope));
    }

    /**
     * A department imports its own units' tables: a table whose unit (by its stored record, else the first three
     * digits of its code) belongs to another department refuses the file, rather than quietly creating that
     * department and unit under this department's import.
     */
    private void checkDepartment(ReadResult read, String departmentCode) {
        if (departmentCode == null || departmentCode.isBlank()) {
            return;
        }
        String own = departmentCode.trim();
        List<ImportResult.ProblemView> foreign = new ArrayList<>();
        for (ImportedTable t : read.tables()) {
            String code = t.unitCode() == null ? "" : t.unitCode().trim();
            if (code.isEmpty()) {
                continue;
            }
            String owner = units.findByCode(code)
                    .map(u -> u.getDepartment() == null ? null : u.getDepartment().getCode())
                    .orElse(code.matches("\\d{6}") ? code.substring(0, 3) : null);
            if (owner != null && !owner.equals(own)) {
                foreign.add(new ImportResult.ProblemView("ERROR", t.where() == null ? "" : t.where().toString(),
                        "项目“" + t.project().getName() + "”的单位 " + code + " 属于主管部门 " + owner
                                + "，不属于本次导入的主管部门 " + own, "import.unit.department"));
            }
        }
        if (!foreign.isEmpty()) {
            ImportResult.ProblemView first = foreign.get(0);
            throw new RejectedFileException("文件中有 " + foreign.size() + " 张表的单位不属于主管部门 " + own
                    + "，未导入任何内容。" + (first.location().isEmpty() ? "" : first.location() + "：")
                    + first.message(), foreign);
        }
    }

    /**
     * The same file for the same year again: nothing is stored twice; the answer shows the projects the earlier
     * import made, with a warning naming it.
     */
    private ImportResult alreadyImported(ImportBatch earlier, List<Project> made) {
        List<ImportResult.ImportedProject> out = made.stream()
                .map(p -> new ImportResult.ImportedProject(p.getId(), p.getCode(), p.getName(),
                        p.getUnit() == null ? null : new ProjectView.UnitRef(p.getUnit().getCode(), p.getUnit().getName()),
                        ProjectView.amount(p.getBudget()), ProjectView.amount(p.getFiscalFunds()),
                        ProjectView.amount(p.getOtherFunds()), p.getIndicators().size(), 0, 0))
                .toList();
        List<ImportResult.ImportedDepartmentTable> departmentTables = departmentTargets.ofImport(earlier.getId())
                .stream().map(t -> new ImportResult.ImportedDepartmentTable(t.getId(), t.getDepartment().getCode(),
                        t.getDepartment().getName(), t.getYear(), t.getActivities().size(),
                        t.allIndicators().size(), 0, 0))
                .toList();
        return new ImportResult(earlier.getId(), false, earlier.getTableCount(), earlier.getIndicatorCount(), out,
                List.of(new ImportResult.ProblemView("WARNING", earlier.getFileName(),
                        earlier.alreadyImportedMessage(times), "import.duplicate")),
                earlier.getId(), departmentTables);
    }

    /** Reads the file and keeps every problem, ERRORs included: for the error report, which shows them all. */
    public ReadResult readLenient(byte[] content, String fileName, int year) {
        return withStorageLimits(TargetTableReader.read(new ByteArrayInputStream(content), fileName, year));
    }

    /** The reader's problems plus what the database could not hold (too long a text, too big a number). */
    private static ReadResult withStorageLimits(ReadResult read) {
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        read.tables().forEach(t -> problems.addAll(StorageLimits.check(t)));
        if (read.department() != null) {
            problems.addAll(StorageLimits.check(read.department()));
        }
        return new ReadResult(read.tables(), problems, read.department());
    }

    /** Reads the file; a table that is not a table refuses the whole file with every such problem. */
    public ReadResult read(byte[] content, String fileName, int year) {
        ReadResult read = readLenient(content, fileName, year);
        if (read.hasErrors()) {
            List<ImportResult.ProblemView> errors = read.problems().stream()
                    .filter(p -> p.severity() == Severity.ERROR).map(ImportService::view).toList();
            // The first problem in the message itself, so that "what and where" reaches users who read only that.
            ImportResult.ProblemView first = errors.get(0);
            throw new RejectedFileException("文件中有 " + errors.size() + " 处问题，未导入任何内容。"
                    + (errors.size() > 1 ? "第一处：" : "")
                    + (first.location().isEmpty() ? "" : first.location() + "：") + first.message(), errors);
        }
        if (read.tables().isEmpty() && read.department() == null) {
            throw new RejectedFileException("文件中未找到绩效目标表（需要“项目名称”和“一级指标 二级指标 三级指标 … 指标值”表头）");
        }
        return read;
    }

    /**
     * Every problem of a file with its place, for the error report: what the reader met and what validation finds
     * in each table (the unit as the file names it, since nothing is stored here).
     */
    public List<ImportProblem> locatedProblems(ReadResult read) {
        List<ImportProblem> problems = new ArrayList<>(read.problems());
        for (ImportedTable t : read.tables()) {
            Project p = t.project();
            if (p.getUnit() == null && (t.unitCode() != null || t.unitName() != null)) {
                p.setUnit(new Unit(t.unitCode(), t.unitName() != null ? t.unitName() : t.unitCode(), null));
            }
        }
        // Last year's results of the whole file at once, not a lookup per table.
        List<LastYear> lastYears = validation.lastYears(read.tables().stream().map(ImportedTable::project).toList());
        for (int i = 0; i < read.tables().size(); i++) {
            ImportedTable t = read.tables().get(i);
            Project p = t.project();
            for (Finding f : validation.validate(p, lastYears.get(i))) {
                problems.add(new ImportProblem(f.severity(), place(t, f), "项目“" + p.getName() + "”：" + f.message()));
            }
        }
        DepartmentTableRead d = read.department();
        if (d != null) {
            for (Finding f : departmentTargets.check(d.table())) {
                problems.add(new ImportProblem(f.severity(), place(d, f), DEPARTMENT_TABLE + f.message()));
            }
        }
        return problems;
    }

    public List<ImportResult.ProblemView> storedProblems(ImportBatch batch) {
        if (batch.getProblemsJson() == null) {
            return List.of();
        }
        try {
            return json.readValue(batch.getProblemsJson(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("导入批次 " + batch.getId() + " 的问题记录无法读取", e);
        }
    }

    private ImportResult store(ReadResult read, ImportBatch batch, int year, String departmentCode, boolean persist,
                               Scope scope, ImportProgress progress, boolean approved) {
        List<ImportResult.ProblemView> outOfScope = new ArrayList<>();
        UnitResolver resolver = new UnitResolver(units, departments, persist, departmentCode);
        List<ImportResult.ImportedProject> out = new ArrayList<>();
        List<ImportResult.ProblemView> problems = new ArrayList<>();
        read.problems().forEach(p -> problems.add(view(p)));
        int indicators = 0;
        int stored = 0;
        for (ImportedTable t : read.tables()) {
            t.project().setYear(year);
            t.project().setUnit(resolver.resolve(t));
        }
        // Last year's results of the whole file at once (the units resolved), not a lookup per table.
        List<LastYear> lastYears = validation.lastYears(read.tables().stream().map(ImportedTable::project).toList());
        for (int i = 0; i < read.tables().size(); i++) {
            ImportedTable t = read.tables().get(i);
            Project p = t.project();
            Unit unit = p.getUnit();
            if (!p.within(scope)) {
                outOfScope.add(new ImportResult.ProblemView("ERROR", t.where() == null ? "" : t.where().toString(),
                        "项目“" + p.getName() + "”的单位" + (unit == null ? "未注明" : " " + (unit.getCode() == null
                                ? unit.getName() : unit.getCode())) + "，不在您可以导入的单位范围内", "import.unit.scope"));
                continue;
            }
            if (batch != null) {
                p.setImportId(batch.getId());
            }
            if (persist) {
                projects.save(p);
            }
            List<Finding> findings = validation.validate(p, lastYears.get(i));
            findings.forEach(f -> problems.add(view(t, f)));
            long errors = findings.stream().filter(Finding::isError).count();
            if (persist) {
                // Each table starts its lifecycle in the same transaction: all of the file or none of it.
                events.publishEvent(approved
                        ? new ProjectImportedApproved(p.getId(), batch.getCreatedBy(), batch.getId(),
                                batch.getFileName(), errors, findings.size() - errors)
                        : new ProjectDraftCreated(p.getId(), true));
            }
            indicators += p.getIndicators().size();
            out.add(new ImportResult.ImportedProject(p.getId(), p.getCode(), p.getName(),
                    unit == null ? null : new ProjectView.UnitRef(unit.getCode(), unit.getName()),
                    ProjectView.amount(p.getBudget()), ProjectView.amount(p.getFiscalFunds()),
                    ProjectView.amount(p.getOtherFunds()), p.getIndicators().size(),
                    errors, findings.size() - errors));
            progress.tablesDone(out.size(), read.tables().size());
            if (persist && ++stored % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear(); // the stored tables are not needed again in this transaction
            }
        }
        if (!outOfScope.isEmpty()) {
            // Thrown inside the transaction: units created for earlier tables are rolled back with the rest.
            throw new RejectedFileException("文件中有 " + outOfScope.size() + " 张表的单位不在您的权限范围内，未导入任何内容。"
                    + outOfScope.get(0).location() + "：" + outOfScope.get(0).message(), outOfScope);
        }
        problems.addAll(duplicateNames(read));
        List<ImportResult.ImportedDepartmentTable> departmentTables = new ArrayList<>();
        if (read.department() != null) {
            departmentTables.add(storeDepartment(read.department(), batch, year, departmentCode, persist, scope,
                    approved, problems));
        }
        if (batch != null) {
            // The batch may have been let go of above: record on the managed one.
            ImportBatch managed = persist ? batches.findById(batch.getId()).orElse(batch) : batch;
            managed.recordResult(read.tables().size(), indicators, toJson(problems));
        }
        return new ImportResult(batch == null ? null : batch.getId(), !persist, read.tables().size(), indicators,
                out, problems, null, departmentTables);
    }

    private static final String DEPARTMENT_TABLE = "部门整体绩效目标：";

    /**
     * The file's department table (部门整体绩效目标), for the department named by the request (or the caller's own),
     * in the same transaction as the file's project tables. A department has one table a year: a second one refuses
     * the file. Imported as approved (finance), it is approved at once.
     */
    private ImportResult.ImportedDepartmentTable storeDepartment(DepartmentTableRead d, ImportBatch batch, int year,
                                                                 String departmentCode, boolean persist, Scope scope,
                                                                 boolean approved,
                                                                 List<ImportResult.ProblemView> problems) {
        Department department = departmentTargets.importingDepartment(departmentCode, scope, persist);
        departmentTargets.existing(department, year).ifPresent(t -> {
            String message = "主管部门 " + department.getCode() + "（" + department.getName() + "）" + year
                    + " 年的部门整体绩效目标已存在（编号 " + t.getId() + "），未导入任何内容";
            throw new RejectedFileException(message, List.of(new ImportResult.ProblemView("ERROR",
                    d.where() == null ? "" : d.where().toString(), message, "import.department-table.exists")));
        });
        DepartmentTargetTable table = d.table();
        table.setYear(year);
        table.setDepartment(department);
        table.setStatus(approved ? ProjectStatus.APPROVED : ProjectStatus.DRAFT);
        if (batch != null) {
            table.setImportId(batch.getId());
            table.setCreatedBy(batch.getCreatedBy());
        }
        List<Finding> findings = persist ? departmentTargets.store(table) : departmentTargets.check(table);
        for (Finding f : findings) {
            SourceRef where = place(d, f);
            problems.add(new ImportResult.ProblemView(f.severity().name(), where == null ? "" : where.toString(),
                    DEPARTMENT_TABLE + f.message(), f.rule()));
        }
        long errors = findings.stream().filter(Finding::isError).count();
        return new ImportResult.ImportedDepartmentTable(table.getId(), department.getCode(), department.getName(),
                year, table.getActivities().size(), d.indicatorCount(), errors, findings.size() - errors);
    }

    /** The indicator's row for an indicator finding, the activity's first row for an activity finding. */
    private static SourceRef place(DepartmentTableRead d, Finding f) {
        if (f.indicatorIndex() != null && f.indicatorIndex() < d.indicatorRefs().size()) {
            return d.indicatorRefs().get(f.indicatorIndex());
        }
        List<DepartmentActivity> activities = d.table().getActivities();
        for (int i = 0; i < activities.size() && i < d.activityRefs().size(); i++) {
            if (activities.get(i).label().equals(f.field())) {
                return d.activityRefs().get(i);
            }
        }
        return d.where();
    }

    /** Two tables of one unit with the same project name in one file: both are imported, the user should look. */
    private static List<ImportResult.ProblemView> duplicateNames(ReadResult read) {
        java.util.Map<String, List<ImportedTable>> byName = new java.util.LinkedHashMap<>();
        for (ImportedTable t : read.tables()) {
            byName.computeIfAbsent(t.unitCode() + "|" + t.unitName() + "|" + t.project().getName(),
                    k -> new ArrayList<>()).add(t);
        }
        List<ImportResult.ProblemView> out = new ArrayList<>();
        for (List<ImportedTable> same : byName.values()) {
            if (same.size() > 1) {
                String places = String.join("、", same.stream()
                        .map(t -> t.where() == null ? "?" : t.where().toString()).toList());
                out.add(new ImportResult.ProblemView("WARNING", places, "项目“" + same.get(0).project().getName()
                        + "”在文件中出现 " + same.size() + " 次（" + places + "），已分别导入为草稿；如为重复，请删除多余的一个",
                        "project.name.duplicate"));
            }
        }
        return out;
    }

    static ImportResult.ProblemView view(ImportProblem p) {
        return new ImportResult.ProblemView(p.severity().name(), p.location(), p.message(), null);
    }

    static ImportResult.ProblemView view(ImportedTable t, Finding f) {
        SourceRef where = place(t, f);
        return new ImportResult.ProblemView(f.severity().name(), where == null ? "" : where.toString(),
                "项目“" + t.project().getName() + "”：" + f.message(), f.rule());
    }

    /** The indicator's row for an indicator finding, else the table's place. */
    private static SourceRef place(ImportedTable t, Finding f) {
        if (f.indicatorIndex() != null && t.indicatorRefs() != null && f.indicatorIndex() < t.indicatorRefs().size()) {
            return t.indicatorRefs().get(f.indicatorIndex());
        }
        return t.where();
    }

    private String toJson(List<ImportResult.ProblemView> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
