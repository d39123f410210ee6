#include "ui/layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace haven::ui {
namespace {

struct Saved {
    ImRect work, content;
    float indent = 0;
};
Saved saved;

struct WrapContext {
    float width;
};

int wrapWhileTyping(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    const float width = static_cast<const WrapContext*>(data->UserData)->width;
    const char* buffer = data->Buf;
    int lineStart = data->CursorPos;
    while (lineStart > 0 && buffer[lineStart - 1] != '\n') --lineStart;
    int lineEnd = data->CursorPos;
    while (lineEnd < data->BufTextLen && buffer[lineEnd] != '\n') ++lineEnd;
    if (ImGui::CalcTextSize(buffer + lineStart, buffer + lineEnd).x <= width) return 0;
    for (int i = data->CursorPos - 1; i > lineStart; --i) {
        if (buffer[i] == ' ') {
            data->DeleteChars(i, 1);
            data->InsertChars(i, "\n");
            return 0;
        }
    }
    return 0;
}

}  // namespace

void beginColumn(float maxWidth) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    saved = {window->WorkRect, window->ContentRegionRect, window->DC.Indent.x};
    const float full = window->ContentRegionRect.GetWidth();
    const float width = std::min(full, maxWidth);
    const float offset = std::max(0.0f, (full - width) * 0.5f);
    ImGui::Indent(offset > 0 ? offset : 0.0001f);
    window->WorkRect.Max.x = window->ContentRegionRect.Min.x + offset + width;
    window->ContentRegionRect.Max.x = window->WorkRect.Max.x;
}

void endColumn() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect = saved.work;
    window->ContentRegionRect = saved.content;
    window->DC.Indent.x = saved.indent;
    window->DC.CursorPos.x = window->Pos.x + window->DC.Indent.x + window->DC.ColumnsOffset.x;
}

std::string breakAtSpaces(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    auto measure = [&](std::string_view piece) {
        return font->CalcTextSizeA(size, 1e9f, 0.0f, piece.data(), piece.data() + piece.size()).x;
    };
    const float space = measure(" ");
    const float limit = width - 1.0f;  // below ImGui's own wrap, so it never splits these lines again
    std::string out;
    out.reserve(text.size());
    float lineWidth = 0.0f;
    bool lineEmpty = true;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            out += '\n';
            lineWidth = 0.0f;
            lineEmpty = true;
            ++i;
            continue;
        }
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t end = text.find_first_of(" \n", i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(i, end - i);
        float wordWidth = measure(word);
        if (!lineEmpty && lineWidth + space + wordWidth > limit) {
            out += '\n';
            lineWidth = 0.0f;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            out += ' ';
            lineWidth += space;
        }
        out += word;
        lineWidth += wordWidth;
        lineEmpty = false;
        i = end;
    }
    return out;
}

bool notebookField(const char* id, std::string& text, float width, float height, const char* hint) {
    WrapContext context{width - ImGui::GetStyle().FramePadding.x * 2 - ImGui::GetStyle().ScrollbarSize - 4};
    bool changed = ImGui::InputTextMultiline(id, &text, ImVec2(width, height), ImGuiInputTextFlags_CallbackEdit,
                                             wrapWhileTyping, &context);
    if (text.empty() && !ImGui::IsItemActive()) {
        ImVec2 pos = ImGui::GetItemRectMin();
        const ImVec2 padding = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(pos.x + padding.x, pos.y + padding.y),
                                            ImGui::GetColorU32(ImGuiCol_TextDisabled), hint, nullptr,
                                            width - padding.x * 2);
    }
    return changed;
}

}  // namespace haven::ui
