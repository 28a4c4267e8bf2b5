package com.writerstree.suggestion.api;

import com.writerstree.suggestion.domain.lm.Suggester;
import java.util.List;

/** {@code data} of the answer: {@code suggestions: [{word, confidence}]}, best first. */
public record SuggestionsView(List<Suggester.Suggestion> suggestions) {}
