package org.openperf.review;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the project's history (review_opinion.action) records, with the Chinese word every screen shows for it: the
 * project page, the forms' opinion history and the exports read it here, so they cannot disagree.
 */
public enum HistoryAction {

    SUBMIT("submit", "提交"),
    APPROVE("approve", "同意"),
    RETURN("return", "退回单位"),
    RETURN_DEPARTMENT("return-department", "退回部门"),
    WITHDRAW("withdraw", "撤回"),
    VALIDATION_FAILED("validation-failed", "校验未通过"),
    APPROVED("approved", "批复"),
    IMPORTED_APPROVED("imported-approved", "按已批复导入"),
    REMIND("remind", "催办"),
    ESCALATE("escalate", "逾期上报"),
    TRANSFER("transfer", "转办"),
    DELEGATE("delegate", "委派"),
    ADJUST("adjust", "申请调整"),
    RECTIFY("rectify", "下达整改要求"),
    ANSWER("answer", "整改反馈"),
    SAMPLED("sampled", "抽中复核"),
    NOT_SAMPLED("not-sampled", "未抽中"),
    SCORE_CHANGE("score-change", "调整得分"),
    PUBLISHED("published", "公开");

    private static final Map<String, HistoryAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(HistoryAction::code, Function.identity()));

    private final String code;
    private final String label;

    HistoryAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The word for a stored code; an unknown code (from a newer version) is shown as it is. */
    public static String label(String code) {
        if (code == null) {
            return "";
        }
        HistoryAction a = BY_CODE.get(code);
        return a == null ? code : a.label;
    }
}
