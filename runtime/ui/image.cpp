#include "ui/image.hpp"

#include "core/atomic_file.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace haven::ui {

bool loadImage(const std::string& path, Image& image, std::string& error) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    if (static_cast<long long>(size) > kMaxImageBytes) {
        error = path + ": larger than 16 MiB";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        error = path + ": cannot be read";
        return false;
    }
    int width = 0, height = 0, channels = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    if (!stbi_info_from_memory(data, static_cast<int>(bytes.size()), &width, &height, &channels) || width <= 0 ||
        height <= 0 || width > kMaxImageSide || height > kMaxImageSide) {
        error = path + ": not a readable image (or larger than 4096 pixels a side)";
        return false;
    }
    stbi_uc* pixels = stbi_load_from_memory(data, static_cast<int>(bytes.size()), &width, &height, &channels, 4);
    if (!pixels) {
        error = path + ": " + (stbi_failure_reason() ? stbi_failure_reason() : "cannot decode");
        return false;
    }
    image.width = width;
    image.height = height;
    image.rgba.assign(pixels, pixels + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    stbi_image_free(pixels);
    return true;
}

namespace {
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::string*>(context);
    out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}
}  // namespace

bool writePng(const std::string& path, const Image& image, std::string& error) {
    std::string png;
    if (!stbi_write_png_to_func(appendBytes, &png, image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
        error = path + ": could not encode the PNG";
        return false;
    }
    return writeFileAtomically(path, png, error);
}

}  // namespace haven::ui
