#include "bench/bench_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace haven::bench {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double median(const std::vector<double>& values) {
    return percentile(values, 0.5);
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string ms(double seconds) {
    return fixed(seconds * 1e3, seconds < 0.01 ? 2 : 1) + " ms";
}
std::string us(double seconds) {
    return fixed(seconds * 1e6, 2) + " µs";
}

std::size_t displayWidth(const std::string& s) {
    std::size_t width = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++width;
    return width;
}

std::string pad(const std::string& s, std::size_t width) {
    std::size_t w = displayWidth(s);
    return s + std::string(w < width ? width - w : 0, ' ');
}

void printTable(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    for (const auto& row : rows) {
        std::cout << " ";
        for (std::size_t c = 0; c < row.size(); ++c)
            std::cout << " " << (c + 1 < row.size() ? pad(row[c], widths[c]) + " " : row[c]);
        std::cout << "\n";
    }
}

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

}  // namespace haven::bench
