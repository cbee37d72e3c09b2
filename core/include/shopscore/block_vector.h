// A sequence that grows by fixed blocks (1024 elements unless said): it never moves what it holds
// (as a std::deque), and finding an element is a shift and a mask. libstdc++'s deque holds 512
// bytes a block (10 orders: an allocation every 10 orders, and a division by 10 on every access);
// reading a large export spent ~5 % of its time allocating those blocks (docs/performance.md).
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace shopscore {

template <class T, size_t Shift = 10>
class BlockVector {
public:
    static constexpr size_t kShift = Shift;
    static constexpr size_t kBlock = size_t{1} << kShift;

    BlockVector() = default;
    BlockVector(const BlockVector& other) {
        for (const T& v : other) push_back(v);
    }
    BlockVector& operator=(const BlockVector& other) {
        if (this != &other) *this = BlockVector(other);
        return *this;
    }
    BlockVector(BlockVector&&) noexcept = default;
    BlockVector& operator=(BlockVector&&) noexcept = default;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T& operator[](size_t i) { return blocks_[i >> kShift][i & (kBlock - 1)]; }
    const T& operator[](size_t i) const { return blocks_[i >> kShift][i & (kBlock - 1)]; }
    T& back() { return (*this)[size_ - 1]; }
    const T& back() const { return (*this)[size_ - 1]; }

    T& emplace_back() {
        if (size_ == blocks_.size() * kBlock) blocks_.push_back(std::make_unique<T[]>(kBlock));
        T& slot = (*this)[size_++];
        slot = T();
        return slot;
    }
    void push_back(const T& value) { emplace_back() = value; }
    // Grows with default elements, or forgets the last ones (and frees their whole blocks).
    void resize(size_t n) {
        while (size_ < n) emplace_back();
        size_ = n;
        blocks_.resize((n + kBlock - 1) >> kShift);
    }

    template <class V, class Owner>
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = V*;
        using reference = V&;
        Iterator(Owner* owner, size_t i) : owner_(owner), i_(i) {}
        reference operator*() const { return (*owner_)[i_]; }
        pointer operator->() const { return &(*owner_)[i_]; }
        Iterator& operator++() { ++i_; return *this; }
        Iterator operator++(int) { Iterator old = *this; ++i_; return old; }
        bool operator==(const Iterator& o) const { return i_ == o.i_; }
        bool operator!=(const Iterator& o) const { return i_ != o.i_; }

    private:
        Owner* owner_;
        size_t i_;
    };
    using iterator = Iterator<T, BlockVector>;
    using const_iterator = Iterator<const T, const BlockVector>;
    iterator begin() { return {this, 0}; }
    iterator end() { return {this, size_}; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

private:
    std::vector<std::unique_ptr<T[]>> blocks_;
    size_t size_ = 0;
};

}  // namespace shopscore
