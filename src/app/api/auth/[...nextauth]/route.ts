export { GET, POST } from './handlers';
