// The offline recovery page: one self-contained HTML file (scripts/build-offline.ts).
import { mount } from 'svelte';
import './offline.css';
import OfflineRecovery from './OfflineRecovery.svelte';

const target = document.getElementById('app');
if (target) mount(OfflineRecovery, { target });
