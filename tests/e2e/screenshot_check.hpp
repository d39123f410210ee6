// What a GUI test can assert of a screenshot without a reference image: it exists, has the
// window's size, and is not one flat colour (a blank or black frame).
#pragma once

#include "ui/image.hpp"

#include <doctest/doctest.h>

#include <string>

namespace haven::test {

inline void checkScreenshot(const std::string& path, int width, int height) {
    haven::ui::Image image;
    std::string error;
    REQUIRE_MESSAGE(haven::ui::loadImage(path, image, error), error);
    CHECK(image.width == width);
    CHECK(image.height == height);
    double sum = 0, squares = 0;
    const std::size_t pixels = image.rgba.size() / 4;
    for (std::size_t i = 0; i < pixels; ++i) {
        double luma = 0.3 * image.rgba[i * 4] + 0.59 * image.rgba[i * 4 + 1] + 0.11 * image.rgba[i * 4 + 2];
        sum += luma;
        squares += luma * luma;
    }
    double mean = sum / static_cast<double>(pixels);
    double variance = squares / static_cast<double>(pixels) - mean * mean;
    CHECK_MESSAGE(variance > 50.0, path << " looks blank (variance " << variance << ")");
}

}  // namespace haven::test
