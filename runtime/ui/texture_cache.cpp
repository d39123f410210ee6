#include "ui/texture_cache.hpp"

#include <GL/gl.h>

#include <cstdint>
#include <cstring>
#include <iostream>

namespace haven::ui {

TextureCache::~TextureCache() {
    clear();
}

ImTextureID TextureCache::get(const std::string& path) {
    if (path.empty()) return nullptr;
    auto found = textures_.find(path);
    if (found != textures_.end())
        return found->second ? reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(found->second)) : nullptr;
    Image image;
    std::string error;
    GLuint texture = 0;
    if (loadImage(path, image, error)) {
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     image.rgba.data());
    } else {
        std::cerr << "haven: warning: portrait " << error << "; showing a placeholder\n";
    }
    textures_[path] = texture;
    return texture ? reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)) : nullptr;
}

void TextureCache::clear() {
    for (auto& [path, texture] : textures_)
        if (texture) glDeleteTextures(1, &texture);
    textures_.clear();
}

Image readFramebuffer(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    image.rgba.resize(pixels.size());
    for (int y = 0; y < height; ++y)  // OpenGL's rows start at the bottom
        std::memcpy(&image.rgba[static_cast<std::size_t>(y) * row],
                    &pixels[static_cast<std::size_t>(height - 1 - y) * row], row);
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // opaque PNG
    return image;
}

}  // namespace haven::ui
