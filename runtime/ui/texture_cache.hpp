// OpenGL textures for portraits, loaded on first use and kept. A missing or corrupt image gives
// no texture and one logged warning; the widgets then draw a neutral placeholder.
#pragma once

#include "ui/image.hpp"

#include <imgui.h>

#include <map>
#include <string>

namespace haven::ui {

class TextureCache {
public:
    TextureCache() = default;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;
    ~TextureCache();

    // Null when the image cannot be used (the warning is printed once per path).
    ImTextureID get(const std::string& path);
    void clear();

private:
    std::map<std::string, unsigned> textures_;  // 0 = failed
};

// The current OpenGL framebuffer (width × height from the bottom-left), top row first.
Image readFramebuffer(int width, int height);

}  // namespace haven::ui
