package org.openperf.library;

import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator library's API ({@code docs/indicator-library.md}). An entry is named by its normalised 三级 name
 * ({@code key}), given in the body: names hold characters a path must not.
 */
@RestController
@RequestMapping("/api/indicator-library")
class IndicatorLibraryController {

    private final IndicatorLibrary library;

    IndicatorLibraryController(IndicatorLibrary library) {
        this.library = library;
    }

    @GetMapping
    List<LibraryEntry> search(@RequestParam(required = false) String q, @RequestParam(required = false) String level2,
                              @RequestParam(required = false) Integer limit) {
        return library.search(Caller.current(), q, level2, limit);
    }

    @PutMapping("/recommended")
    LibraryEntry recommend(@RequestBody Recommend body) {
        if (body.recommended() == null) {
            throw new InvalidInputException("缺少 recommended（true 推荐，false 取消推荐）");
        }
        return library.recommend(Caller.current(), body.key(), body.recommended());
    }

    @PostMapping("/merge")
    LibraryEntry merge(@RequestBody Merge body) {
        return library.merge(Caller.current(), body.from(), body.into());
    }

    record Recommend(String key, Boolean recommended) {
    }

    record Merge(String from, String into) {
    }
}
