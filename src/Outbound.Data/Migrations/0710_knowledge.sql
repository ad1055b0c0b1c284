-- The knowledge base (知识库, for 一口清): articles per tenant and campaign in a category tree, versions, attachments,
-- client proposals, agents' flags, synonyms and policy changes for timeliness (知识库及时率).

CREATE TABLE kb_categories (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    parent_id        uuid REFERENCES kb_categories (id),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    sort             int NOT NULL DEFAULT 0,
    UNIQUE NULLS NOT DISTINCT (tenant_id, parent_id, name)
);

-- An article holds the version in effect (title, sanitised HTML, its plain text and the search vector); every published
-- version is kept in kb_article_versions, a later one waiting there until its effective day.
-- search: jieba-segmented title (weight A) and body (weight B) as a 'simple' tsvector.
CREATE TABLE kb_articles (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    campaign_id      uuid,                                    -- NULL: every campaign of the tenant
    category_id      uuid NOT NULL REFERENCES kb_categories (id),
    order_type_id    uuid REFERENCES wo_types (id),           -- suggested while an order of this type is filled
    owner_id         uuid NOT NULL REFERENCES users (id),     -- the operator's editor who keeps it current
    version          int NOT NULL,
    title            text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    body_html        text NOT NULL,
    body_text        text NOT NULL,
    effective_from   date NOT NULL,
    review_by        date,
    archived         boolean NOT NULL DEFAULT false,
    search           tsvector NOT NULL,
    updated_at       timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    CHECK (review_by IS NULL OR review_by >= effective_from)
);
CREATE INDEX kb_articles_search ON kb_articles USING gin (search);
CREATE INDEX kb_articles_tenant ON kb_articles (tenant_id, category_id);
CREATE INDEX kb_articles_owner ON kb_articles (owner_id);

CREATE TABLE kb_article_versions (
    article_id       uuid NOT NULL REFERENCES kb_articles (id),
    version          int NOT NULL,
    title            text NOT NULL,
    body_html        text NOT NULL,
    effective_from   date NOT NULL,
    review_by        date,
    note             text,
    published_by     uuid NOT NULL REFERENCES users (id),
    published_at     timestamptz NOT NULL,
    in_effect_at     timestamptz,                             -- when it became the article's content (NULL: waiting for its day)
    PRIMARY KEY (article_id, version)
);
CREATE INDEX kb_article_versions_waiting ON kb_article_versions (effective_from) WHERE in_effect_at IS NULL;

CREATE TABLE kb_attachments (
    id               uuid PRIMARY KEY,
    article_id       uuid NOT NULL REFERENCES kb_articles (id),
    tenant_id        uuid NOT NULL,
    file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type     text NOT NULL,
    size_bytes       int NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256           text NOT NULL,
    content          bytea NOT NULL,
    uploaded_by      uuid NOT NULL REFERENCES users (id),
    uploaded_at      timestamptz NOT NULL
);
CREATE INDEX kb_attachments_article ON kb_attachments (article_id);

-- A policy change of the client to bring into the knowledge base, with the time it was registered; published_at is set when
-- an article version carrying it is published. Timeliness = published within target_hours / changes decided.
CREATE TABLE kb_policy_changes (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    title            text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    registered_at    timestamptz NOT NULL,
    registered_by    uuid NOT NULL REFERENCES users (id),
    target_hours     int NOT NULL DEFAULT 24 CHECK (target_hours > 0),
    published_at     timestamptz,
    article_id       uuid REFERENCES kb_articles (id)
);
CREATE INDEX kb_policy_changes_tenant ON kb_policy_changes (tenant_id, registered_at);

-- A change the client proposes (to an article, or a new one); the operator publishes or declines it. Proposing registers a
-- policy change, so the client's proposals are what timeliness measures.
CREATE TABLE kb_proposals (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    article_id       uuid REFERENCES kb_articles (id),
    category_id      uuid REFERENCES kb_categories (id),
    title            text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    body_html        text NOT NULL,
    reason           text NOT NULL CHECK (btrim(reason) <> ''),
    proposed_by      uuid NOT NULL REFERENCES users (id),
    proposed_at      timestamptz NOT NULL,
    policy_change_id uuid NOT NULL REFERENCES kb_policy_changes (id),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'declined')),
    decided_by       uuid REFERENCES users (id),
    decided_at       timestamptz,
    decision_note    text,
    CHECK (article_id IS NOT NULL OR category_id IS NOT NULL)
);
CREATE INDEX kb_proposals_pending ON kb_proposals (tenant_id, proposed_at) WHERE status = 'pending';

-- An agent's flag on an article (wrong or outdated); it reaches the article's owner.
CREATE TABLE kb_flags (
    id               uuid PRIMARY KEY,
    article_id       uuid NOT NULL REFERENCES kb_articles (id),
    tenant_id        uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('wrong', 'outdated')),
    note             text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    flagged_by       uuid NOT NULL REFERENCES users (id),
    flagged_at       timestamptz NOT NULL,
    resolved_by      uuid REFERENCES users (id),
    resolved_at      timestamptz,
    resolution       text
);
CREATE INDEX kb_flags_open ON kb_flags (article_id) WHERE resolved_at IS NULL;

-- Words a tenant's customers and agents use for the same thing (信用卡 = 贷记卡): a search for one finds the others.
CREATE TABLE kb_synonyms (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants (id),
    words            text[] NOT NULL CHECK (cardinality(words) >= 2)
);
CREATE INDEX kb_synonyms_tenant ON kb_synonyms (tenant_id);
