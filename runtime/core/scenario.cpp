#include "core/scenario.hpp"

#include "core/scenario_loader.hpp"

#include <filesystem>

namespace haven {
namespace {

template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

}  // namespace

const char* toString(NodeType type) {
    switch (type) {
        case NodeType::Scene: return "scene";
        case NodeType::Checklist: return "checklist";
        case NodeType::Decision: return "decision";
        case NodeType::Ending: return "ending";
    }
    return "scene";
}

std::optional<NodeType> nodeTypeFromString(const std::string& text) {
    for (NodeType type : {NodeType::Scene, NodeType::Checklist, NodeType::Decision, NodeType::Ending})
        if (text == toString(type)) return type;
    return std::nullopt;
}

void Scenario::buildIndex() {
    nodeIndex_.clear();
    nodeIndex_.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) nodeIndex_.emplace(nodes[i].id, i);  // first wins
}

std::size_t Scenario::nodeIndex(const std::string& nodeId) const {
    auto it = nodeIndex_.find(nodeId);
    return it == nodeIndex_.end() ? std::string::npos : it->second;
}

const Node* Scenario::findNode(const std::string& nodeId) const {
    std::size_t index = nodeIndex(nodeId);
    return index == std::string::npos ? nullptr : &nodes[index];
}

const Competency* Scenario::findCompetency(const std::string& competencyId) const {
    return findById(competencies, competencyId);
}

const Indicator* Scenario::findIndicator(const std::string& indicatorId) const {
    return findById(indicators, indicatorId);
}

const Character* Scenario::findCharacter(const std::string& characterId) const {
    return findById(characters, characterId);
}

std::string Scenario::portraitFile(const std::string& characterId, const std::string& mood) const {
    const Character* character = findCharacter(characterId);
    if (!character || character->portraits.empty()) return "";
    auto found = character->portraits.find(mood);
    if (found == character->portraits.end()) found = character->portraits.begin();
    if (!isSafeRelativePath(found->second)) return "";
    return (std::filesystem::path(folder) / found->second).string();
}

}  // namespace haven
