import { modules } from '../modules/index.js';
import { installModules } from '../platform/module.js';

// Every entry point installs the modules' wording and error codes before using them (main, buildApp); tests of
// pure code that read a module's wording get the same catalog.
installModules(modules);
