// haven-bench-gen N OUT_FOLDER [--seed S] [--text-scale X]: writes OUT_FOLDER/scenario.json, a synthetic scenario
// of N nodes that `haven check` accepts without errors or warnings.
#include "bench/scenario_generator.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    auto usage = [] {
        std::cerr << "usage: haven-bench-gen N OUT_FOLDER [--seed S] [--text-scale X]\n";
        return 2;
    };
    if (argc < 3 || argc % 2 == 0) return usage();
    haven::bench::GeneratorOptions options;
    char* end = nullptr;
    options.nodes = std::strtoull(argv[1], &end, 10);
    if (*end != '\0' || options.nodes < 2) {
        std::cerr << "haven-bench-gen: N must be a whole number of at least 2, not '" << argv[1] << "'\n";
        return 2;
    }
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string option = argv[i];
        if (option == "--seed") options.seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (option == "--text-scale") options.textScale = std::strtod(argv[i + 1], nullptr);
        else return usage();
    }
    if (!(options.textScale > 0)) return usage();
    try {
        haven::bench::writeScenarioFolder(options, argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "haven-bench-gen: " << e.what() << "\n";
        return 1;
    }
    std::cout << argv[2] << "/scenario.json: " << options.nodes << " nodes (seed " << options.seed << ")\n";
    return 0;
}
