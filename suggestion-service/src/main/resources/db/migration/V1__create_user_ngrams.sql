-- Per-user language-model adaptation data: counts of word n-grams learned from the writer's own text.
CREATE TABLE user_ngrams (
    user_id     UUID         NOT NULL,
    context     VARCHAR(200) NOT NULL,
    word        VARCHAR(100) NOT NULL,
    count       INTEGER      NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, context, word)
);
