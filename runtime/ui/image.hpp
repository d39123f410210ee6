// Images in and out: portraits (PNG/JPEG via stb_image) and screenshots (PNG via stb_image_write).
#pragma once

#include <string>
#include <vector>

namespace haven::ui {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;  // width × height × 4, top row first
};

// Files larger than this are refused: portraits come with scenarios other people send.
inline constexpr long long kMaxImageBytes = 16ll * 1024 * 1024;
inline constexpr int kMaxImageSide = 4096;

// False with a message naming the file when it is missing, too large or not a readable image.
bool loadImage(const std::string& path, Image& image, std::string& error);

// Writes `image` as PNG (atomically: a temporary file renamed over the target).
bool writePng(const std::string& path, const Image& image, std::string& error);

}  // namespace haven::ui
