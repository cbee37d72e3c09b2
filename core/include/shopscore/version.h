#pragma once
namespace shopscore {
constexpr const char* kVersion = "0.1.0";
}
