// What haven-bench and haven-editor-bench share: timing, medians, the figures' formats and the
// results table.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace haven::bench {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start);

// The value at rank ceil(p * size) (p = 0: the smallest); 0 for no values.
double percentile(std::vector<double> values, double p);
double median(const std::vector<double>& values);

std::string fixed(double value, int decimals);
std::string ms(double seconds);  // "28.7 ms", two decimals under 10 ms
std::string us(double seconds);  // "4.40 µs"

// Columns count code points, not bytes ("µs", "—").
std::size_t displayWidth(const std::string& s);
std::string pad(const std::string& s, std::size_t width);

// Rows of cells, the first the header, each line indented by two spaces; every column but the
// last (the verdict) is padded to its widest cell.
void printTable(const std::vector<std::vector<std::string>>& rows);

// "AMD EPYC …" from /proc/cpuinfo.
std::string cpuModel();

}  // namespace haven::bench
