package org.openperf.exports;

import java.util.List;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.evaluation.department.DepartmentSelfEvaluations;
import org.openperf.files.PreparedFile;
import org.openperf.files.PreparedFiles;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.DepartmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 自评结果汇总表 of a year, of one department or of all in the caller's scope: one row per scored project, and a
 * sheet of the department-wide tables. Made at once ({@link #workbook}) or in the background ({@link #file}): a
 * department of a province has a thousand tables a year, each read from its 自评表.
 */
@Service
public class SelfEvaluationSummary {

    private final SelfEvaluationReports evaluations;
    private final DepartmentSelfEvaluations departmentTables;
    private final SelfEvaluationWriter writer;
    private final DepartmentRepository departments;
    private final PreparedFiles files;
    private final TransactionTemplate readOnly;

    SelfEvaluationSummary(SelfEvaluationReports evaluations, DepartmentSelfEvaluations departmentTables,
                          SelfEvaluationWriter writer, DepartmentRepository departments, PreparedFiles files,
                          PlatformTransactionManager transactions) {
        this.evaluations = evaluations;
        this.departmentTables = departmentTables;
        this.writer = writer;
        this.departments = departments;
        this.files = files;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public static String fileName(int year, String department) {
        String code = blankToNull(department);
        return "绩效自评汇总-" + year + (code == null ? "" : "-" + code) + ".xlsx";
    }

    /**
     * Starts making the workbook as the caller, in the background; a department that does not exist is refused at
     * once. A year without a scored 自评 in reach fails the file with the same reason the direct download gives.
     */
    public PreparedFile file(int year, String department, Caller caller) {
        String code = blankToNull(department);
        if (code != null) {
            readOnly.executeWithoutResult(s -> DepartmentRepository.existing(departments, code));
        }
        return files.start("self-evaluation-summary", fileName(year, code), caller,
                () -> readOnly.execute(s -> workbook(year, code, caller)));
    }

    /** The workbook, made now; 400 when the year has no scored 自评 (nor a submitted department table) in reach. */
    public byte[] workbook(int year, String department, Caller caller) {
        String code = blankToNull(department);
        List<SelfEvaluationReport> reports = evaluations.reports(year, code, caller.scope());
        List<DepartmentSelfEvaluations.DepartmentSheet> found = departmentTables.ofYear(year, code, caller);
        if (reports.isEmpty() && found.stream().allMatch(d -> "DRAFT".equals(d.sheet().status()))) {
            throw new InvalidInputException(year + " 年度" + (code == null ? "" : "主管部门 " + code + " ")
                    + "没有已评分的自评可汇总");
        }
        List<DepartmentTablesSheet.SelfEvaluation> sheets = found.stream()
                .map(d -> new DepartmentTablesSheet.SelfEvaluation(d.departmentCode() + " " + d.departmentName(),
                        d.sheet()))
                .toList();
        String title = year + "年度项目支出绩效自评结果汇总表" + (code == null ? ""
                : "（" + (reports.isEmpty() ? found.get(0).departmentName() : reports.get(0).departmentName()) + "）");
        return Download.bytes(out -> writer.summary(title, reports, sheets, out));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
