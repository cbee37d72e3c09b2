// Reviews and chats: Seller Center has no public export layout for them, so the canonical column
// names of docs/rules.md §22 and common variants (header_aliases.json) are accepted.
#include "ingest/cell_error.h"
#include "ingest/row_mapper.h"

namespace shopscore::ingest {
namespace {

class ReviewsMapper : public RowMapper {
public:
    ReviewsMapper(ExportKind kind, IngestState& state, DateResolver& dates, std::vector<Warning>& warnings)
        : RowMapper(kind, state, dates, warnings) {
        ++state.reviews_files;  // one mapper per file: NRR's reviews_export_missing warning
    }

    void map(const Row& row) override {
        Dataset& ds = state_.dataset;
        Review r;
        r.order_id = id(row, f_order_id_, "an order ID");
        r.sku = std::string(row.text(f_sku_));
        r.rating = rating(row, f_rating_, false);
        r.flags = flags(row, f_flags_, true);
        r.created = time(row, f_created_, true, "the review time");
        r.text = std::string(row.text(f_text_));
        ds.reviews.push_back(std::move(r));
    }

    std::vector<int> date_fields() const override { return {f_created_}; }
    int key_field() const override { return f_order_id_; }

private:
    const int f_order_id_ = field("order_id");
    const int f_sku_ = field("sku");
    const int f_rating_ = field("rating");
    const int f_text_ = field("text");
    const int f_created_ = field("created");
    const int f_flags_ = field("flags");
};

class ChatsMapper : public RowMapper {
public:
    ChatsMapper(ExportKind kind, IngestState& state, DateResolver& dates, std::vector<Warning>& warnings, std::string file_name)
        : RowMapper(kind, state, dates, warnings), file_name_(std::move(file_name)) {}

    void map(const Row& row) override {
        Dataset& ds = state_.dataset;
        Chat c;
        c.id = id(row, f_id_, "a chat ID", false);
        if (c.id.empty()) c.id = file_name_ + ":" + std::to_string(row.number);  // chats are only counted
        c.order_id = id(row, f_order_id_, "an order ID", false);
        c.rating = rating(row, f_rating_, true);
        c.ended = time(row, f_ended_, true, "the time the chat ended");
        ds.chats.push_back(std::move(c));
    }

    std::vector<int> date_fields() const override { return {f_ended_}; }
    int key_field() const override { return f_id_; }

private:
    const int f_id_ = field("id");
    const int f_order_id_ = field("order_id");
    const int f_ended_ = field("ended");
    const int f_rating_ = field("rating");
    std::string file_name_;
};

}  // namespace

std::unique_ptr<RowMapper> make_reviews_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings) {
    return std::make_unique<ReviewsMapper>(ExportKind::reviews, state, dates, warnings);
}

std::unique_ptr<RowMapper> make_chats_mapper(IngestState& state, DateResolver& dates, std::vector<Warning>& warnings,
                                             const std::string& file_name) {
    return std::make_unique<ChatsMapper>(ExportKind::chats, state, dates, warnings, file_name);
}

}  // namespace shopscore::ingest
