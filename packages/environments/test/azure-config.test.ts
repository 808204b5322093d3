/** `azure:` locations and `state: azblob://` in the config: what the engine is given, and what is refused before anything changes. */
import { describe, expect, test } from '@jest/globals';
import { parseConfig, storeUrl } from '@shipkit/core';
import { parseStateLocation } from '@shipkit/ledger';
import { installLocation, resolveEnvironment } from '../src/index.js';

const config = (body: string) => parseConfig(`app: shop\n${body}`, '.github/shipkit.yml');

describe('azure locations', () => {
  test('an azure location becomes the engine location <account>/<container>, slots and cdn too; the state store on azblob:// too', () => {
    const loaded = config(`state: azblob://shopdeploy/state/shipkit
cdn: { azure: { account: shopcdn, container: assets, prefix: app } }
environments:
  production: { target: s3, azure: { account: shopdeploy, container: site, prefix: www } }
  website: { target: s3, azure: { account: shopdeploy, container: $web } }
  staging:
    target: s3
    strategy: blue-green
    router: { type: command, switch: ["true"] }
    slots: { blue: { azure: { account: shopdeploy, container: blue } }, green: { azure: { account: shopdeploy, container: green } } }
`);
    const production = resolveEnvironment(loaded, 'production', {}, '/ws');
    expect(production.state).toEqual({ bucket: 'shopdeploy/state', prefix: 'shipkit' });
    expect(installLocation(production, undefined)).toMatchObject({ bucket: 'shopdeploy/site', prefix: 'www' });
    expect(installLocation(resolveEnvironment(loaded, 'website', {}, '/ws'), undefined)).toMatchObject({ bucket: 'shopdeploy/$web' });
    const staging = resolveEnvironment(loaded, 'staging', {}, '/ws');
    expect(installLocation(staging, 'green')).toMatchObject({ bucket: 'shopdeploy/green' });
    expect(loaded.config.cdn).toEqual({ bucket: 'shopcdn/assets', prefix: 'app' });
    expect(storeUrl('shopdeploy/site', 'www/index.html')).toBe('azblob://shopdeploy/site/www/index.html');
    expect(storeUrl('shop-site', 'index.html')).toBe('s3://shop-site/index.html');
  });

  test.each([
    ['both s3 and azure', 'environments:\n  p: { target: s3, s3: { bucket: shop-site }, azure: { account: shopdeploy, container: site } }\n', /shipkit\.yml:3:\d+: environments\.p sets both s3 and azure: expected one location/],
    ['an account name with capitals', 'environments:\n  p: { target: s3, azure: { account: ShopDeploy, container: site } }\n', /environments\.p\.azure\.account must be a storage account name \(3-24 lower-case letters and digits\) \(got "ShopDeploy"\)/],
    ['a container with a double hyphen', 'environments:\n  p: { target: s3, azure: { account: shopdeploy, container: a--b } }\n', /environments\.p\.azure\.container must be a container name/],
    ['an environment with cdn and azure-cdn', 'environments:\n  p:\n    target: s3\n    s3: { bucket: shop-site }\n    cdn: { distribution-id: E2QWRUHEXAMPLE }\n    azure-cdn: { subscription: 11111111-2222-3333-4444-555555555555, resource-group: shop, profile: shop, endpoint: shop }\n', /shipkit\.yml:7:\d+: environments\.p sets both cdn \(CloudFront E2QWRUHEXAMPLE\) and azure-cdn: expected the one CDN in front of it/],
    ['cdn with bucket and azure', 'cdn: { bucket: shop-cdn, azure: { account: shopcdn, container: assets } }\n', /shipkit\.yml:2:\d+: cdn sets both bucket and azure: expected one location/],
    ['cdn with prefix and azure.prefix', 'cdn: { prefix: app, azure: { account: shopcdn, container: assets, prefix: web } }\n', /shipkit\.yml:2:\d+: cdn sets both prefix \("app"\) and azure\.prefix \("web"\): expected one of them/],
    ['a state url without container', 'state: azblob://shopdeploy\n', /state must be an S3 location such as s3:\/\/bucket\/prefix, or an Azure Blob one/],
  ])('%s is refused naming the field', (_name, body, message) => {
    expect(() => config(body)).toThrow(message);
  });

  test('installs are server-side copies from the release store: an Azure install with the state on S3 (or in another account) is refused naming both', () => {
    const onS3 = config('state: s3://shop-state/shipkit\nenvironments:\n  p: { target: s3, azure: { account: shopdeploy, container: site } }\n');
    expect(() => resolveEnvironment(onS3, 'p', {}, '/ws')).toThrow(/Environment "p": s3 \(azblob:\/\/shopdeploy\/site\) is in Azure storage account shopdeploy, but the state store \(s3:\/\/shop-state\/shipkit\) is on S3/);
    const otherAccount = config('state: azblob://shopstate/state\nenvironments:\n  p: { target: s3, azure: { account: shopdeploy, container: site } }\n');
    expect(() => resolveEnvironment(otherAccount, 'p', {}, '/ws')).toThrow(/is in Azure storage account shopdeploy, but the state store \(azblob:\/\/shopstate\/state\/\) is in Azure storage account shopstate/);
  });

  test('parseStateLocation reads azblob:// and refuses a malformed one naming the input', () => {
    expect(parseStateLocation('azblob://acct123/my-state/a/b/')).toEqual({ bucket: 'acct123/my-state', prefix: 'a/b' });
    expect(() => parseStateLocation('azblob://acct123/My_State', 'state')).toThrow(/Input "state" has an invalid value "azblob:\/\/acct123\/My_State": expected s3:\/\/bucket\/prefix or azblob:\/\/account\/container\/prefix/);
  });
});
