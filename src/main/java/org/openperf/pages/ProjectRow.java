package org.openperf.pages;

import java.math.BigDecimal;

/** One row of 项目列表: {@code taskId} is the current task when the caller may work on it. */
public record ProjectRow(Long id, int year, String code, String name, String unitCode, String unitName,
                         BigDecimal budget, String status, String step, String taskId, long errors, long warnings) {
}
